using System.Runtime.InteropServices;

namespace Periscope.Webhook.Tests.Tls;

/// <summary>
/// A temporary directory laid out like the kubelet's Secret volume: tls.crt and tls.key are symlinks through
/// <c>..data</c>, and an update writes a new timestamped directory and renames a new <c>..data</c> symlink over
/// the old one (kubernetes pkg/volume/util/atomic_writer.go), so both files change in one step.
/// </summary>
internal sealed class SecretVolume : IDisposable
{
    private int _version;

    public SecretVolume()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("periscope-tls-").FullName;
    }

    public string Directory { get; }

    public string CertificatePath => Path.Combine(Directory, "tls.crt");

    public string KeyPath => Path.Combine(Directory, "tls.key");

    public void Write(PemPair pair) => Write(pair.Certificate, pair.Key);

    public void Write(string certificatePem, string keyPem)
    {
        var version = $"..2026_11_22_14_00_00.{++_version}";
        var target = System.IO.Directory.CreateDirectory(Path.Combine(Directory, version)).FullName;
        File.WriteAllText(Path.Combine(target, "tls.crt"), certificatePem);
        File.WriteAllText(Path.Combine(target, "tls.key"), keyPem);

        var staging = Path.Combine(Directory, "..data_tmp");
        File.CreateSymbolicLink(staging, version);
        // rename(2) replaces the old ..data link atomically; File.Move would follow the link to its directory.
        if (Rename(staging, Path.Combine(Directory, "..data")) != 0)
        {
            throw new IOException($"rename {staging} failed: errno {Marshal.GetLastPInvokeError()}");
        }

        foreach (var name in new[] { "tls.crt", "tls.key" })
        {
            var link = Path.Combine(Directory, name);
            if (!Path.Exists(link))
            {
                File.CreateSymbolicLink(link, Path.Combine("..data", name));
            }
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);
}
