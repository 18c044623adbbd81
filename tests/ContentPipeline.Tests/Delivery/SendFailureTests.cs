using ContentPipeline.Delivery;
using MailKit.Net.Smtp;

namespace ContentPipeline.Tests.Delivery;

public sealed class SendFailureTests
{
    [Theory]
    [InlineData(451, true)]
    [InlineData(452, true)]
    [InlineData(550, false)]
    [InlineData(554, false)]
    public void Classify_TellsTemporaryFromPermanent_ByStatusCode_NotByErrorCode(int status, bool temporary)
    {
        var error = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, (SmtpStatusCode)status, "refused");

        Assert.Equal(temporary, SendFailure.Classify(error)!.Temporary);
    }

    [Fact]
    public void Classify_TreatsADroppedConnectionAsTemporary_AndTheSessionAsLost()
    {
        var failure = SendFailure.Classify(new IOException("connection reset"))!;

        Assert.True(failure.Temporary);
        Assert.True(failure.ConnectionLost);
    }

    [Fact]
    public void Classify_LeavesBugsToHangfire()
    {
        Assert.Null(SendFailure.Classify(new NullReferenceException()));
    }
}
