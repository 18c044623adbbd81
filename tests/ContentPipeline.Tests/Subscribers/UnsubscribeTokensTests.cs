using ContentPipeline.Delivery;
using ContentPipeline.Subscribers;
using ContentPipeline.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;

namespace ContentPipeline.Tests.Subscribers;

public sealed class UnsubscribeTokensTests
{
    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void AToken_NamesOnlyTheSubscriberItWasMadeFor()
    {
        var tokens = new UnsubscribeTokens(_keys, keyFile: null);

        Assert.True(tokens.TryRead(tokens.Create(41), out var id));
        Assert.Equal(41, id);
        Assert.NotEqual(tokens.Create(41), tokens.Create(42));
        Assert.Matches("^[A-Za-z0-9_-]{22}$", tokens.Create(41));
        Assert.DoesNotContain("41", tokens.Create(41)); // opaque: the id cannot be read off the token
    }

    [Fact]
    public void AnEditedOrForeignToken_IsRefused()
    {
        var tokens = new UnsubscribeTokens(_keys, keyFile: null);
        var token = tokens.Create(41);
        var otherPurpose = _keys.CreateProtector("something else").Protect("42");
        var otherKeys = new UnsubscribeTokens(new EphemeralDataProtectionProvider(), keyFile: null).Create(42);

        // Every single-character edit of a token that reads, at every position, is refused.
        Assert.True(tokens.TryRead(token, out _));
        foreach (var at in Enumerable.Range(0, token.Length))
            Assert.False(tokens.TryRead(token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..], out _), $"edit at {at}");
        Assert.False(tokens.TryRead(otherPurpose, out _));
        Assert.False(tokens.TryRead(otherKeys, out _));
        Assert.False(tokens.TryRead("42", out _));
        Assert.False(tokens.TryRead(new string('A', 22), out _));
        Assert.False(tokens.TryRead("!!!!!!!!!!!!!!!!!!!!!!", out _));
    }

    [Fact]
    public void TheKey_IsMadeOnce_AndReadByTheNextProcessThatSharesTheKeysFolder()
    {
        using var root = new TestRoot();
        var keysFolder = Path.Combine(root.Path, "keys");
        var keyFile = Path.Combine(keysFolder, UnsubscribeTokens.KeyFileName);
        var token = new UnsubscribeTokens(Protection(keysFolder), keyFile).Create(7);
        var written = File.ReadAllText(keyFile);

        var restarted = new UnsubscribeTokens(Protection(keysFolder), keyFile); // another process, or a restart

        Assert.True(restarted.TryRead(token, out var id));
        Assert.Equal(7, id);
        Assert.Equal(written, File.ReadAllText(keyFile));
        Assert.Single(Directory.GetFiles(keysFolder, UnsubscribeTokens.KeyFileName + "*"));
    }

    [Fact]
    public void AKeyFileMadeWithOtherKeys_StopsWithAMessageThatSaysWhatToDo()
    {
        using var root = new TestRoot();
        var keyFile = Path.Combine(root.Path, "keys", UnsubscribeTokens.KeyFileName);
        new UnsubscribeTokens(Protection(Path.Combine(root.Path, "keys")), keyFile).Create(7);

        var withOtherKeys = new UnsubscribeTokens(Protection(Path.Combine(root.Path, "other-keys")), keyFile);

        var e = Assert.Throws<InvalidOperationException>(() => withOtherKeys.Create(7));
        Assert.Contains(keyFile, e.Message);
        Assert.Contains("Restore the keys folder", e.Message);
    }

    [Fact]
    public void ATokenFromBeforeTheBlockFormat_StillUnsubscribes()
    {
        var legacy = _keys.CreateProtector("ContentPipeline.Unsubscribe.v1").Protect("41");

        Assert.True(new UnsubscribeTokens(_keys, keyFile: null).TryRead(legacy, out var id));
        Assert.Equal(41, id);
    }

    private static IDataProtectionProvider Protection(string folder) =>
        DataProtectionProvider.Create(new DirectoryInfo(folder), o => o.SetApplicationName("ContentPipeline"));
}
