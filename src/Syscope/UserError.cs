namespace Syscope;

/// <summary>An expected failure the user caused (bad PID, no permission, unknown command):
/// printed as "syscope: message" with exit status 1, never as a stack trace.  It lives at the root
/// of the library because every layer, from the option parsers up, reports such failures.</summary>
internal sealed class UserError(string message) : Exception(message);
