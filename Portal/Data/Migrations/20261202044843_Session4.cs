using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgePortal.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Session4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The lifecycle's states (ADR 0007): Submitted is now In review, Abandoned is Withdrawn.
            migrationBuilder.Sql("UPDATE ChangeSets SET State = 'InReview' WHERE State = 'Submitted';");
            migrationBuilder.Sql("UPDATE ChangeSets SET State = 'Withdrawn' WHERE State = 'Abandoned';");

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
                name: "Description",
                table: "ChangeSets",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

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
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "Deployments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevisionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeploymentJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deployments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LiveDeployments",
                columns: table => new
                {
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevisionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VersionArn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DeploymentId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveDeployments", x => x.TargetId);
                });

            migrationBuilder.CreateTable(
                name: "PublishLocks",
                columns: table => new
                {
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeploymentId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishLocks", x => x.TargetId);
                });

            migrationBuilder.CreateTable(
                name: "DeploymentLogLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeploymentId = table.Column<string>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Event = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentLogLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeploymentLogLines_Deployments_DeploymentId",
                        column: x => x.DeploymentId,
                        principalTable: "Deployments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeploymentSteps",
                columns: table => new
                {
                    DeploymentId = table.Column<string>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentSteps", x => new { x.DeploymentId, x.Step });
                    table.ForeignKey(
                        name: "FK_DeploymentSteps_Deployments_DeploymentId",
                        column: x => x.DeploymentId,
                        principalTable: "Deployments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Targets_RequiredTargetId",
                table: "Targets",
                column: "RequiredTargetId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeSetApprovals_ChangeSetId_UserId",
                table: "ChangeSetApprovals",
                columns: new[] { "ChangeSetId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeSetComments_ChangeSetId_CreatedAt",
                table: "ChangeSetComments",
                columns: new[] { "ChangeSetId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentLogLines_DeploymentId_Id",
                table: "DeploymentLogLines",
                columns: new[] { "DeploymentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentPlans_ChangeSetId",
                table: "DeploymentPlans",
                column: "ChangeSetId");

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_RequestedBy",
                table: "Deployments",
                column: "RequestedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_State_CreatedAt",
                table: "Deployments",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_TargetId_CreatedAt",
                table: "Deployments",
                columns: new[] { "TargetId", "CreatedAt" });

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
            migrationBuilder.Sql("UPDATE ChangeSets SET State = 'Submitted' WHERE State IN ('InReview', 'ChangesRequested');");
            migrationBuilder.Sql("UPDATE ChangeSets SET State = 'Abandoned' WHERE State = 'Withdrawn';");
            migrationBuilder.Sql("UPDATE ChangeSets SET State = 'Approved' WHERE State = 'Failed';");

            migrationBuilder.DropForeignKey(
                name: "FK_Targets_Targets_RequiredTargetId",
                table: "Targets");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "ChangeSetApprovals");

            migrationBuilder.DropTable(
                name: "ChangeSetComments");

            migrationBuilder.DropTable(
                name: "DeploymentLogLines");

            migrationBuilder.DropTable(
                name: "DeploymentPlans");

            migrationBuilder.DropTable(
                name: "DeploymentSteps");

            migrationBuilder.DropTable(
                name: "LiveDeployments");

            migrationBuilder.DropTable(
                name: "PublishLocks");

            migrationBuilder.DropTable(
                name: "Deployments");

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
                name: "Description",
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
