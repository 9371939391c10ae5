namespace Periscope.Sidecar.Discovery;

/// <summary>The app's document as last seen (null: the app serves none), numbered so waiters can tell news.</summary>
internal sealed record DocumentObservation(AppDocument? Document, long Version);
