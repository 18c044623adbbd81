using ContentPipeline.Subscribers;

namespace ContentPipeline.Tests.Subscribers;

public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("ada@example.org")]
    [InlineData("  Ada.Lovelace+news@Example.ORG ")]
    public void Validate_AcceptsPlainAddresses(string input)
    {
        Assert.Equal(input.Trim(), EmailAddresses.Validate(input, out _));
    }

    [Theory]
    [InlineData("ada@example.org\r\nBcc: x@evil.test", "control characters")]
    [InlineData("Ada <ada@example.org>", "spaces")]
    [InlineData("ada@localhost", "domain")]
    [InlineData("not-an-address", "domain")]
    [InlineData("ada@example.org, eve@example.org", "spaces")]
    [InlineData("", "empty")]
    public void Validate_RefusesWithAReason(string input, string reason)
    {
        Assert.Null(EmailAddresses.Validate(input, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Normalize_MakesAddressesUniqueCaseInsensitively()
    {
        Assert.Equal(EmailAddresses.Normalize("Ada@Example.org"), EmailAddresses.Normalize("ada@example.ORG"));
    }
}
