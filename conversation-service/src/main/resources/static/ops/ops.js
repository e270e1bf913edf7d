// Shows GET /ops/conversations/{phone}: the conversation's state and its lines, oldest first.
// The page needs an operator's login (staff-security): every call sends the session cookie and
// X-Requested-With, so an expired session answers 401 (no Basic dialog) and the page goes to /login.
const ASK = { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' } };

function toLogin() {
  window.location.assign('/login');
}

async function showWhoIsLoggedIn() {
  const response = await fetch('/ops/me', ASK);
  if (response.status === 401) { toLogin(); return; }
  if (!response.ok) return;
  const me = await response.json();
  document.getElementById('staff').textContent = `${me.name} (${me.roles.join(', ')})`;
}

document.getElementById('lookup').addEventListener('submit', async (event) => {
  event.preventDefault();
  const phone = document.getElementById('phone').value.trim();
  const channel = document.getElementById('channel').value;
  const error = document.getElementById('error');
  const lines = document.getElementById('lines');
  const state = document.getElementById('state');
  error.textContent = ''; lines.replaceChildren(); state.textContent = '';
  const response = await fetch(`/ops/conversations/${encodeURIComponent(phone)}?channel=${channel}`, ASK);
  if (response.status === 401) { toLogin(); return; }
  if (!response.ok) {
    error.textContent = {
      403: 'Tu usuario no tiene el rol de operador.',
      404: 'Sin conversación para ese número.',
      503: 'No se pudo registrar la consulta; intenta de nuevo.'
    }[response.status] ?? `Error ${response.status}`;
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

showWhoIsLoggedIn();
