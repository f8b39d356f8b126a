using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SafetyMonitor.Layout.Runner
{
    /// <summary>A started emulator (QEMU, or a test's stand-in): it can be asked whether it ended, and stopped.</summary>
    public interface IEmulator : IDisposable
    {
        /// <summary>Whether it has ended.</summary>
        bool HasExited { get; }

        /// <summary>Its exit code (when <see cref="HasExited"/>).</summary>
        int ExitCode { get; }

        /// <summary>The last lines it wrote to stdout and stderr (its error messages).</summary>
        string OutputTail { get; }

        /// <summary>Ends it and what it started, and waits (bounded) until it has ended. Idempotent.</summary>
        void Stop();
    }

    /// <summary>Starts an emulator: the program and its arguments.</summary>
    /// <exception cref="EmulatorStartException">It cannot be started.</exception>
    public delegate IEmulator EmulatorStarter(string program, IReadOnlyList<string> arguments);

    /// <summary>The emulator cannot be started (not installed, not executable); the message says why.</summary>
    public sealed class EmulatorStartException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public EmulatorStartException(string message)
            : base(message)
        {
        }
    }

    /// <summary>QEMU as a child process; stopped with its process tree.</summary>
    public sealed class EmulatorProcess : IEmulator
    {
        private const int TailLines = 20;
        private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

        private readonly Process _process;
        private readonly Queue<string> _tail = new();

        private EmulatorProcess(Process process)
        {
            _process = process;
        }

        /// <inheritdoc />
        public bool HasExited => _process.HasExited;

        /// <inheritdoc />
        public int ExitCode => _process.ExitCode;

        /// <inheritdoc />
        public string OutputTail
        {
            get
            {
                // The output readers finish once the process has ended.
                if (_process.HasExited)
                {
                    _process.WaitForExit();
                }

                lock (_tail)
                {
                    return string.Join(Environment.NewLine, _tail);
                }
            }
        }

        /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/>, stdin closed, stdout and stderr kept (the last lines).</summary>
        /// <exception cref="EmulatorStartException">It cannot be started.</exception>
        public static IEmulator Start(string program, IReadOnlyList<string> arguments)
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var process = new Process { StartInfo = start };
            var emulator = new EmulatorProcess(process);
            process.OutputDataReceived += (_, e) => emulator.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => emulator.Keep(e.Data);
            try
            {
                process.Start();
            }
            catch (Win32Exception e)
            {
                process.Dispose();
                throw new EmulatorStartException($"cannot start {program}: {e.Message} (on Debian: apt-get install qemu-system-arm)");
            }

            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return emulator;
        }

        /// <inheritdoc />
        public void Stop()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // It ended in between.
            }

            _process.WaitForExit(StopWait);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Stop();
            _process.Dispose();
        }

        private void Keep(string? line)
        {
            if (line == null)
            {
                return;
            }

            lock (_tail)
            {
                _tail.Enqueue(line);
                if (_tail.Count > TailLines)
                {
                    _tail.Dequeue();
                }
            }
        }
    }
}
