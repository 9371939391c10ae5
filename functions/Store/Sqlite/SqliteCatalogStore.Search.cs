using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Periscope.Functions.Store.Sqlite;

internal sealed partial class SqliteCatalogStore
{
    /// <summary>The trigram tokenizer indexes three-character substrings; shorter terms need a scan.</summary>
    private const int TrigramLength = 3;

    private const string SearchableText =
        "(namespace || ' ' || app_id || ' ' || method || ' ' || path || ' ' || operation_id || ' ' || summary || ' ' || tags || ' ' || title)";

    /// <remarks>
    /// Every whitespace-separated term must occur (AND), case-insensitively, as a substring of the service
    /// or operation text. Terms of three or more characters go through the FTS5 index and rank by bm25;
    /// two CJK characters go through the index of pairs (<see cref="CjkPairs"/>); other shorter terms filter
    /// with LIKE. Equal ranks, and unranked results, are ordered by rowid: services first, then operations as
    /// they entered the catalog. Pages continue by offset, which that order makes stable for an unchanged index.
    /// </remarks>
    public async Task<Page<SearchHit>> SearchAsync(string text, PageRequest page, CancellationToken cancellationToken)
    {
        var offset = page.Continue is { } token ? ParseOffset(token) : 0;
        var terms = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var indexed = terms.Where(term => term.Length >= TrigramLength).ToArray();
        var scanned = terms.Where(term => term.Length < TrigramLength).ToArray();

        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (indexed.Length > 0)
        {
            where.Add("search MATCH $match");
            command.Parameters.AddWithValue("$match", string.Join(" AND ", indexed.Select(Quote)));
        }

        for (var i = 0; i < scanned.Length; i++)
        {
            // Two CJK characters: the rows that hold the pair come from search_pairs' index; LIKE then checks each.
            if (CjkPairs.IsPair(scanned[i]))
            {
                where.Add($"rowid IN (SELECT rowid FROM search_pairs WHERE search_pairs MATCH $pair{i})");
                command.Parameters.AddWithValue($"$pair{i}", Quote(scanned[i]));
            }

            where.Add($"{SearchableText} LIKE $like{i} ESCAPE '\\'");
            command.Parameters.AddWithValue($"$like{i}", "%" + EscapeLike(scanned[i]) + "%");
        }

        // Ties, and scans, go by rowid: services (negative rowids) before operations, then the catalog's own order.
        // The rowid is in the index, where ordering by the text columns read every match's row: at 200,000
        // operations a common word's 10,000 matches took 40 ms to sort by them, 18 ms by rowid; and a scan in rowid
        // order stops at the page's end instead of reading the whole table (bench/README.md, "catalog").
        var order = indexed.Length > 0 ? "bm25(search), rowid" : "rowid";
        command.CommandText = $"""
            SELECT kind, namespace, app_id, op_key, method, path, operation_id, summary, tags, title FROM search
            WHERE {string.Join(" AND ", where)}
            ORDER BY {order} LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$limit", page.Limit + 1);
        command.Parameters.AddWithValue("$offset", offset);

        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(ReadHit(reader));
        }

        if (hits.Count <= page.Limit)
        {
            return new Page<SearchHit>(hits, null);
        }

        hits.RemoveAt(hits.Count - 1);
        return new Page<SearchHit>(hits, ContinueToken.Encode("search", (offset + page.Limit).ToString(CultureInfo.InvariantCulture)));
    }

    private static long ParseOffset(string token)
    {
        var parts = ContinueToken.Decode(token, 2);
        return parts[0] == "search" && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var offset) && offset >= 0
            ? offset
            : throw new InvalidContinueTokenException();
    }

    /// <summary>An FTS5 string: the term in double quotes with quotes doubled, so no query syntax leaks through.</summary>
    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"") + "\"";

    private static SearchHit ReadHit(SqliteDataReader reader)
    {
        var isService = reader.GetString(0) == "service";
        var title = reader.GetString(9);
        return new SearchHit(
            Kind: reader.GetString(0),
            Service: new ServiceKey(reader.GetString(1), reader.GetString(2)),
            OperationKey: NullableString(reader, 3),
            Method: isService ? null : reader.GetString(4),
            PathTemplate: isService ? null : reader.GetString(5),
            OperationId: EmptyAsNull(reader.GetString(6)),
            Summary: EmptyAsNull(reader.GetString(7)),
            Title: EmptyAsNull(title),
            Tags: isService ? [] : reader.GetString(8).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? EmptyAsNull(string value) => value.Length == 0 ? null : value;
}
