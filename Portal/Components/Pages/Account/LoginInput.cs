using System.ComponentModel.DataAnnotations;

namespace EdgePortal.Portal.Components.Pages.Account;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";

    public bool Remember { get; set; }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    public string Current { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The new password needs at least 12 characters.")]
    public string New { get; set; } = "";

    [Compare(nameof(New), ErrorMessage = "The two new passwords differ.")]
    public string Confirm { get; set; } = "";
}
