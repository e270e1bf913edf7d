// Shows GET /ops/conversations/{phone}: the conversation's state and its lines, oldest first.
document.getElementById('lookup').addEventListener('submit', async (event) => {
  event.preventDefault();
  const phone = document.getElementById('phone').value.trim();
  const channel = document.getElementById('channel').value;
  const error = document.getElementById('error');
  const lines = document.getElementById('lines');
  const state = document.getElementById('state');
  error.textContent = ''; lines.replaceChildren(); state.textContent = '';
  const response = await fetch(`/ops/conversations/${encodeURIComponent(phone)}?channel=${channel}`);
  if (!response.ok) {
    error.textContent = response.status === 404 ? 'Sin conversación para ese número.' : `Error ${response.status}`;
    return;
  }
  const transcript = await response.json();
  state.textContent = transcript.state ? JSON.stringify(transcript.state, null, 2) : 'sin estado';
  for (const line of transcript.lines) {
    const bubble = document.createElement('div');
    bubble.className = `line ${line.direction}`;
    bubble.dataset.messageId = line.messageId;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = `${line.occurredAt ?? ''} ${line.messageId}${line.intent ? ' · ' + line.intent : ''}`;
    const text = document.createElement('div');
    text.className = 'text';
    text.textContent = line.text ?? '';
    bubble.append(meta, text);
    lines.append(bubble);
  }
});
