using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgePortal.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
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

            // The lifecycle's new names for two states (ADR 0007); enums are stored by name.
            migrationBuilder.Sql("UPDATE ChangeSets SET State = 'InReview' WHERE State = 'Submitted';");
            migrationBuilder.Sql("UPDATE ChangeSets SET State = 'Withdrawn' WHERE State = 'Abandoned';");

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "ChangeSets",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ChangeSetApprovals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChangeSetId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeSetApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeSetApprovals_ChangeSets_ChangeSetId",
                        column: x => x.ChangeSetId,
                        principalTable: "ChangeSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChangeSetComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChangeSetId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeSetComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeSetComments_ChangeSets_ChangeSetId",
                        column: x => x.ChangeSetId,
                        principalTable: "ChangeSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeSetApprovals_ChangeSetId_UserId",
                table: "ChangeSetApprovals",
                columns: new[] { "ChangeSetId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeSetComments_ChangeSetId_CreatedAt",
                table: "ChangeSetComments",
                columns: new[] { "ChangeSetId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the old states: the new ones that had no old name become the nearest old one.
            migrationBuilder.Sql("UPDATE ChangeSets SET State = 'Submitted' WHERE State IN ('InReview', 'ChangesRequested');");
            migrationBuilder.Sql("UPDATE ChangeSets SET State = 'Abandoned' WHERE State = 'Withdrawn';");
            migrationBuilder.Sql("UPDATE ChangeSets SET State = 'Approved' WHERE State = 'Failed';");

            migrationBuilder.DropTable(
                name: "ChangeSetApprovals");

            migrationBuilder.DropTable(
                name: "ChangeSetComments");

            migrationBuilder.DropColumn(
                name: "ApprovalsRequired",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "ChangeSets");
        }
    }
}
