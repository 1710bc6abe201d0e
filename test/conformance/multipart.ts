// Reads the field names and values of a multipart/form-data body (RFC 7578) so its request
// body schema can be validated like a JSON one (e.g. v1 createAttachment requires `file` and
// `minorEdit`). The emulator reports such bodies as latin1 strings of the raw bytes.

export function parseMultipartFields(
  body: string,
  contentType: string,
): Record<string, string | string[]> | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  const fields: Record<string, string | string[]> = {};
  for (const part of body.split(`--${marker}`).slice(1)) {
    if (part.startsWith("--")) break; // closing delimiter
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) return undefined;
    const headers = part.slice(0, headerEnd);
    const name = /content-disposition:[^\r\n]*;\s*name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) return undefined;
    const value = part.slice(headerEnd + 4).replace(/\r\n$/, "");
    const previous = fields[name];
    if (previous === undefined) fields[name] = value;
    else fields[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return fields;
}
