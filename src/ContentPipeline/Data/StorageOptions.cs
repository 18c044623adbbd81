using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Data;

public enum StorageProvider { Sqlite, Postgres }

/// <summary>Storage: which database holds the application data (and, on Postgres, Hangfire's jobs).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Where ASP.NET Core Data Protection keeps the keys that sign unsubscribe links; every node must share it.</summary>
    [Required]
    public string KeysDirectory { get; set; } = "data/keys";
}
