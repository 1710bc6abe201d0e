// Phase 2 of `npm run flood`: many connections that send headers, then trickle a body one byte
// every 5 s (issue 12, item 10: 2,000 such connections stayed open past 390 s).
import { connect, type Socket } from "node:net";

const AUTH = `Basic ${Buffer.from("demo@example.com:demo-token").toString("base64")}`;

export interface SlowReport {
  connected: number;
  /** Closed after a 408 answer (request timeout). */
  timedOut: number;
  /** Closed at once without an answer (beyond the connection cap). */
  droppedAtCap: number;
  otherCloses: number;
  stillOpen: number;
  allClosedAfterSeconds: number | undefined;
}

export async function openSlowConnections(
  url: string,
  count: number,
  phaseMs: number,
): Promise<SlowReport> {
  const { hostname, port } = new URL(url);
  const report: SlowReport = {
    connected: 0,
    timedOut: 0,
    droppedAtCap: 0,
    otherCloses: 0,
    stillOpen: 0,
    allClosedAfterSeconds: undefined,
  };
  const sockets = new Set<Socket>();
  const started = Date.now();
  let lastClose = started;
  const head =
    `POST /wiki/api/v2/pages HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: ${AUTH}\r\n` +
    "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n";
  const open = () =>
    new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname);
      const openedAt = Date.now();
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk.toString("latin1");
      });
      socket.on("error", () => {});
      socket.once("connect", () => {
        report.connected++;
        sockets.add(socket);
        socket.write(head);
        resolve();
      });
      socket.once("close", () => {
        sockets.delete(socket);
        lastClose = Date.now();
        if (received.startsWith("HTTP/1.1 408")) report.timedOut++;
        else if (received === "" && Date.now() - openedAt < 2000) report.droppedAtCap++;
        else report.otherCloses++;
        resolve();
      });
    });
  for (let i = 0; i < count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, open));
  }
  const trickle = setInterval(() => {
    for (const socket of sockets) socket.write(" ");
  }, 5000);
  const deadline = started + phaseMs;
  while (sockets.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  clearInterval(trickle);
  report.stillOpen = sockets.size;
  if (sockets.size === 0) report.allClosedAfterSeconds = (lastClose - started) / 1000;
  for (const socket of sockets) socket.destroy();
  return report;
}
