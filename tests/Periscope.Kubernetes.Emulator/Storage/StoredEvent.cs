using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Resources;

namespace Periscope.Kubernetes.Emulator.Storage;

/// <summary>One change in the store's history: what a watch delivers as {"type", "object"}.</summary>
internal sealed record StoredEvent(long ResourceVersion, string Type, ResourceKind Kind, string? Namespace, JsonObject Object);
