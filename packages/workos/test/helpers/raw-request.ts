import { request, type IncomingHttpHeaders } from "node:http";

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * POSTs with headers exactly as given, which fetch cannot do: several `Authorization` headers
 * (fetch merges them into one), bytes outside ASCII, and header sizes past the server's limit.
 * `headers` are name/value pairs in `rawHeaders` order. Values are written as latin1, so pass
 * {@link utf8OnTheWire} to send UTF-8 bytes.
 */
export function rawRequest(url: string, headers: [string, string][] = []): Promise<RawResponse> {
  const flat = [["host", new URL(url).host], ["content-length", "0"], ...headers].flat();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: flat, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A string whose latin1 encoding is the UTF-8 encoding of `text`: what a client sending UTF-8 puts on the wire. */
export function utf8OnTheWire(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}
