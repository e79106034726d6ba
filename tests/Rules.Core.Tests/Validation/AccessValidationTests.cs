namespace EdgePortal.Rules.Tests.Validation;

public class AccessValidationTests
{
    [Fact]
    public void Validate_AccessRule_IsValid() => Valid.NoProblem(Valid.With(Valid.Access));

    [Fact]
    public void Validate_AccessWithoutMode_SaysModeIsRequired() =>
        Valid.SingleProblem(Valid.With(Valid.Access with { Mode = null }), "/access/0/mode", "mode is required", "allow", "block");

    [Fact]
    public void Validate_AccessWithoutCountries_SaysCountriesAreRequired() =>
        Valid.SingleProblem(Valid.With(Valid.Access with { Countries = [] }), "/access/0/countries", "at least one country");
}
