// The simulated department systems' control API (on their own port, not behind the gateway):
// tests tell a department to refuse, ask for materials, be slow or be down.

export interface Behaviour {
  mode: 'approve' | 'reject' | 'fail' | 'malformed' | 'materials';
  delayMs?: number;
  rejectCode?: string;
  rejectReason?: string;
  [more: string]: unknown;
}

export async function setBehaviour(simulatorsUrl: string, department: string, behaviour: Behaviour) {
  const response = await fetch(`${simulatorsUrl}/simulators/${department}/behaviour`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(behaviour),
  });
  if (!response.ok)
    throw new Error(`cannot set ${department} behaviour: ${response.status} ${await response.text()}`);
}

/** What a department received, as its simulator recorded it. */
export async function received(simulatorsUrl: string, department: string) {
  const response = await fetch(`${simulatorsUrl}/simulators/${department}/received`);
  if (!response.ok) throw new Error(`cannot read what ${department} received: ${response.status}`);
  return (await response.json()) as {
    requests: {
      caseRef: string;
      subject: string;
      transport: 'nats' | 'http';
      kind: 'request' | 'cancellation';
      payload: string;
    }[];
  };
}
