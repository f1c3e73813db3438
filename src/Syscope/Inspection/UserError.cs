namespace Syscope.Inspection;

/// <summary>A mistake or a situation the user can act on (no such process, not root).  The CLI
/// prints it as "syscope: message" and exits with 1; any other exception is a bug.</summary>
public sealed class UserError(string message) : Exception(message);
