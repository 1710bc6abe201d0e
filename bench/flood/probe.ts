// Is the emulator still answering? A GET every 250 ms, twice: over one kept-alive connection
// opened before the flood, and over a fresh connection each time.
import { Agent, request } from "undici";

export interface ProbeReport {
  sent: number;
  answered: number;
  worstMs: number;
}

export interface Probe {
  stop(): Promise<{ keptAlive: ProbeReport; fresh: ProbeReport }>;
}

const AUTH = `Basic ${Buffer.from("demo@example.com:demo-token").toString("base64")}`;

async function once(url: string, dispatcher: Agent, report: ProbeReport): Promise<void> {
  report.sent++;
  const started = performance.now();
  try {
    const response = await request(`${url}/wiki/api/v2/spaces?limit=1`, {
      dispatcher,
      headers: { authorization: AUTH },
      headersTimeout: 5000,
      bodyTimeout: 5000,
    });
    await response.body.text();
    if (response.statusCode === 200) report.answered++;
  } catch {
    // counted as unanswered
  }
  report.worstMs = Math.max(report.worstMs, performance.now() - started);
}

export async function startProbe(url: string): Promise<Probe> {
  const kept = new Agent({ connections: 1, keepAliveTimeout: 60_000 });
  const keptAlive: ProbeReport = { sent: 0, answered: 0, worstMs: 0 };
  const fresh: ProbeReport = { sent: 0, answered: 0, worstMs: 0 };
  await once(url, kept, { sent: 0, answered: 0, worstMs: 0 }); // open it before the flood
  let running = true;
  const loop = (async () => {
    while (running) {
      const freshAgent = new Agent({ pipelining: 0 });
      await Promise.all([once(url, kept, keptAlive), once(url, freshAgent, fresh)]);
      await freshAgent.destroy();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await kept.destroy();
      return { keptAlive, fresh };
    },
  };
}
