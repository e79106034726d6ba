using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgePortal.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class S4Plan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcknowledgeComment",
                table: "ChangeSets",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AcknowledgedAt",
                table: "ChangeSets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedByName",
                table: "ChangeSets",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedPlanJson",
                table: "ChangeSets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyById",
                table: "ChangeSets",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyByName",
                table: "ChangeSets",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyReason",
                table: "ChangeSets",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeploymentPlans",
                columns: table => new
                {
                    DeploymentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangeSetId = table.Column<long>(type: "INTEGER", nullable: true),
                    PlanJson = table.Column<string>(type: "TEXT", nullable: false),
                    EmergencyReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentPlans", x => x.DeploymentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentPlans_ChangeSetId",
                table: "DeploymentPlans",
                column: "ChangeSetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeploymentPlans");

            migrationBuilder.DropColumn(
                name: "AcknowledgeComment",
                table: "ChangeSets");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "ChangeSets");

            migrationBuilder.DropColumn(
                name: "AcknowledgedByName",
                table: "ChangeSets");

            migrationBuilder.DropColumn(
                name: "ApprovedPlanJson",
                table: "ChangeSets");

            migrationBuilder.DropColumn(
                name: "EmergencyById",
                table: "ChangeSets");

            migrationBuilder.DropColumn(
                name: "EmergencyByName",
                table: "ChangeSets");

            migrationBuilder.DropColumn(
                name: "EmergencyReason",
                table: "ChangeSets");
        }
    }
}
