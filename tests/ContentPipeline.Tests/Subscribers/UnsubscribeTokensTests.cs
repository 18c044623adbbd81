using ContentPipeline.Subscribers;
using Microsoft.AspNetCore.DataProtection;

namespace ContentPipeline.Tests.Subscribers;

public sealed class UnsubscribeTokensTests
{
    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void AToken_NamesOnlyTheSubscriberItWasMadeFor()
    {
        var tokens = new UnsubscribeTokens(_keys);

        Assert.True(tokens.TryRead(tokens.Create(41), out var id));
        Assert.Equal(41, id);
        Assert.NotEqual(tokens.Create(41), tokens.Create(42));
    }

    [Fact]
    public void AnEditedOrForeignToken_IsRefused()
    {
        var tokens = new UnsubscribeTokens(_keys);
        var token = tokens.Create(41);
        var edited = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        var otherPurpose = _keys.CreateProtector("something else").Protect("42");
        var otherKeys = new UnsubscribeTokens(new EphemeralDataProtectionProvider()).Create(42);

        Assert.False(tokens.TryRead(edited, out _));
        Assert.False(tokens.TryRead(otherPurpose, out _));
        Assert.False(tokens.TryRead(otherKeys, out _));
        Assert.False(tokens.TryRead("42", out _));
    }
}
