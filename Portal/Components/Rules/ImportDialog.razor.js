// The pasted text as UTF-8 bytes, which Blazor streams to the server in small chunks. A bound textarea would
// send the whole text in one SignalR message, and Blazor closes the circuit on a message over 32 KB.
export function pastedText(textarea) {
    return new TextEncoder().encode(textarea.value);
}
