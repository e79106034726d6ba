using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgePortal.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class SealedAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Events sealed before this migration keep their unkeyed SHA-256 in Seal (SealKeyId null);
            // the portal seals from here on and Verify says where sealing began.
            migrationBuilder.RenameColumn(
                name: "Hash",
                table: "AuditEvents",
                newName: "Seal");

            migrationBuilder.RenameColumn(
                name: "PreviousHash",
                table: "AuditEvents",
                newName: "PreviousSeal");

            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SealKeyId",
                table: "AuditEvents");

            migrationBuilder.RenameColumn(
                name: "Seal",
                table: "AuditEvents",
                newName: "Hash");

            migrationBuilder.RenameColumn(
                name: "PreviousSeal",
                table: "AuditEvents",
                newName: "PreviousHash");
        }
    }
}
