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
    /// or operation text. Terms of three or more characters go through the FTS5 index and rank by bm25; one or
    /// two ASCII letters, digits or CJK letters go through the index of short substrings
    /// (<see cref="ShortSubstrings"/>); other shorter terms filter with LIKE. Equal ranks, and unranked results,
    /// are ordered by rowid: services first, then operations as they entered the catalog. Pages continue by
    /// offset, which that order makes stable for an unchanged index.
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
        var shortIndexed = scanned.Where(ShortSubstrings.IsIndexed).ToArray();

        // Which index drives, and the order: ties, and unranked results, go by rowid (services, whose rowids are
        // negative, first; then the catalog's own order), which each index yields without a sort. Ordering by the
        // text columns instead read every match's row: at 200,000 operations a common word's 10,000 matches took
        // 43 ms to sort by them in SQLite, 18 ms by rowid (bench/README.md, "catalog").
        string source, order;
        if (indexed.Length > 0)
        {
            // Ranked by bm25 over the trigram index; any shorter terms are checked by LIKE below.
            (source, order) = ("search", "bm25(search), search.rowid");
            where.Add("search MATCH $match");
            command.Parameters.AddWithValue("$match", string.Join(" AND ", indexed.Select(Quote)));
        }
        else if (shortIndexed.Length > 0)
        {
            // One- and two-character terms: the rows holding every one come from search_pairs in rowid order, so the
            // page ends as soon as it is full, and a term no row holds ends the search at once. Driving from search,
            // with them as an IN list, took 100 times longer.
            (source, order) = ("search_pairs JOIN search ON search.rowid = search_pairs.rowid", "search_pairs.rowid");
            where.Add("search_pairs MATCH $pairs");
            command.Parameters.AddWithValue("$pairs", string.Join(" AND ", shortIndexed.Select(Quote)));
        }
        else
        {
            // Only short terms that no index holds (punctuation, accented letters): a scan in rowid order.
            (source, order) = ("search", "search.rowid");
        }

        // LIKE decides for every short term: the short substrings' index only finds candidates.
        for (var i = 0; i < scanned.Length; i++)
        {
            where.Add($"{SearchableText} LIKE $like{i} ESCAPE '\\'");
            command.Parameters.AddWithValue($"$like{i}", "%" + EscapeLike(scanned[i]) + "%");
        }

        command.CommandText = $"""
            SELECT kind, namespace, app_id, op_key, method, path, operation_id, summary, tags, title FROM {source}
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
