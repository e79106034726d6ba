using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgePortal.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Targets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ApprovalsRequired",
                table: "Targets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "EventTypes",
                table: "Targets",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "RequiredTargetId",
                table: "Targets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RetiredAt",
                table: "Targets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Targets_RequiredTargetId",
                table: "Targets",
                column: "RequiredTargetId");

            migrationBuilder.AddForeignKey(
                name: "FK_Targets_Targets_RequiredTargetId",
                table: "Targets",
                column: "RequiredTargetId",
                principalTable: "Targets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Targets_Targets_RequiredTargetId",
                table: "Targets");

            migrationBuilder.DropIndex(
                name: "IX_Targets_RequiredTargetId",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "ApprovalsRequired",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "EventTypes",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "RequiredTargetId",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Targets");
        }
    }
}
