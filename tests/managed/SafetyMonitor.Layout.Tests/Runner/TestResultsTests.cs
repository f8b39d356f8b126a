using System;
using SafetyMonitor.Layout.Runner;
using Xunit;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>The TestFramework's result lines, counted; anything unreadable can only fail.</summary>
    public class TestResultsTests
    {
        [Fact]
        public void LinesAreCounted()
        {
            TestResults results = TestResults.Parse(new[]
            {
                "nanoCLR (Build 1.13.0.0)",
                "Ready.",
                "Test passed,NFUnitTest.A.Setup.0,10",
                "Test passed,NFUnitTest.A.One.0,1234",
                "some output of a test",
                "Test failed,NFUnitTest.A.Two.0,Assert.AreEqual failed. Expected:<1>. Actual:<0>., and a comma",
                "Test skipped,NFUnitTest.A.Three.0,not on this target",
                "Test passed,NFUnitTest.A.Four.1,0",
                "Done.",
            });
            Assert.Equal((3, 1, 1, 0), (results.Passed, results.Failed, results.Skipped, results.Uncaught));
            Assert.Equal(new[] { "NFUnitTest.A.Two.0" }, results.FailedNames);
            Assert.Equal("3 passed, 1 failed", results.Summary);
            Assert.True(results.Any);
        }

        [Theory]
        [InlineData("Test passed,NFUnitTest.A.One.0")]
        [InlineData("Test passed,NFUnitTest.A.One.0,12,13")]
        [InlineData("Test passed,NFUnitTest.A.One.0,twelve")]
        [InlineData("Test passed,,12")]
        [InlineData("Test passed,NFUnitTest.A.One.0,")]
        public void AMangledPassLineIsAFailure(string line)
        {
            TestResults results = TestResults.Parse(new[] { line });
            Assert.Equal((0, 1), (results.Passed, results.Failed));
            Assert.Equal("unreadable result line: " + line, results.FailedNames[0]);
        }

        [Fact]
        public void AFailLineWithoutMessageStillFails()
        {
            TestResults results = TestResults.Parse(new[] { "Test failed,NFUnitTest.A.Two.0" });
            Assert.Equal(1, results.Failed);
            Assert.Equal("NFUnitTest.A.Two.0", results.FailedNames[0]);
        }

        [Theory]
        [InlineData("test passed,NFUnitTest.A.One.0,12")]
        [InlineData(" Test passed,NFUnitTest.A.One.0,12")]
        [InlineData("Test passed NFUnitTest.A.One.0,12")]
        [InlineData("my Test passed,NFUnitTest.A.One.0,12")]
        public void OnlyTheLaunchersExactLinesCount(string line)
        {
            TestResults results = TestResults.Parse(new[] { line });
            Assert.False(results.Any);
            Assert.Equal("0 passed, 0 failed", results.Summary);
        }

        [Fact]
        public void AnUncaughtExceptionIsCounted()
        {
            TestResults results = TestResults.Parse(new[] { "Test passed,NFUnitTest.A.One.0,1", " Uncaught exception ", "Uncaught exception" });
            Assert.Equal(2, results.Uncaught);
            Assert.Equal(1, results.Passed);
        }

        [Fact]
        public void SkippedAloneIsAResult()
        {
            TestResults results = TestResults.Parse(new[] { "Test skipped,NFUnitTest.A.Setup.0,no hardware" });
            Assert.True(results.Any);
            Assert.Equal((0, 0, 1), (results.Passed, results.Failed, results.Skipped));
        }

        [Fact]
        public void NullIsRefused() => Assert.Throws<ArgumentNullException>(() => TestResults.Parse(null!));
    }
}
