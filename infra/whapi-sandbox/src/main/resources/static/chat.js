// Chat page of the WHAPI sandbox: a person writes as a member, or sends a receipt file with a
// caption, through POST /sandbox/inbox, taps the bot's buttons and list rows through
// POST /sandbox/inbox/reply, and sees both sides of that member's chat by polling
// GET /sandbox/conversation.
(() => {
  'use strict';

  const POLL_MS = 500;
  const el = (id) => document.getElementById(id);
  const member = el('member');
  const messages = el('messages');
  const status = el('status');
  let shown = '';

  function chat() {
    return member.value === 'other' ? el('phone').value.replace(/\D/g, '') : member.value;
  }

  function profileName() {
    return member.value === 'other' ? el('name').value.trim() : member.selectedOptions[0].dataset.name;
  }

  // WhatsApp formatting: *bold* and line breaks, after escaping so bot text can never inject HTML.
  function formatted(text) {
    const escaped = (text || '')
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    return escaped.replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>').replace(/\n/g, '<br>');
  }

  function time(epochSeconds) {
    return new Date(epochSeconds * 1000).toLocaleTimeString('es-PE', { hour: '2-digit', minute: '2-digit' });
  }

  // A tap posts the reply webhook WHAPI would send: buttons_reply or list_reply quoting the message.
  function choiceButton(quotedId, type, choice) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'choice';
    button.dataset.id = choice.id || '';
    button.textContent = choice.title;
    if (choice.description) {
      const small = document.createElement('small');
      small.textContent = choice.description;
      button.appendChild(small);
    }
    button.addEventListener('click', () => reply(quotedId, type, choice));
    return button;
  }

  function choices(message) {
    const request = message.request;
    const action = (request && request.action) || {};
    const box = document.createElement('div');
    box.className = 'choices';
    (action.buttons || []).forEach((b) => box.appendChild(choiceButton(message.id, 'buttons_reply', b)));
    if (action.list) {
      (action.list.sections || []).forEach((section) => {
        if (section.title) {
          const title = document.createElement('div');
          title.className = 'section-title';
          title.textContent = section.title;
          box.appendChild(title);
        }
        (section.rows || []).forEach((row) => box.appendChild(choiceButton(message.id, 'list_reply', row)));
      });
    }
    return box;
  }

  // A member's file, served by the sandbox without the API token the WHAPI endpoint needs.
  function media(request) {
    if (request.image) {
      const img = document.createElement('img');
      img.className = 'media';
      img.src = '/sandbox/media/' + encodeURIComponent(request.image.id);
      img.alt = 'Imagen';
      return img;
    }
    const link = document.createElement('a');
    link.className = 'media';
    link.href = '/sandbox/media/' + encodeURIComponent(request.document.id);
    link.target = '_blank';
    link.textContent = '📄 ' + (request.document.filename || 'Documento');
    return link;
  }

  function item(message) {
    const li = document.createElement('li');
    li.className = 'msg ' + message.direction;
    li.dataset.id = message.id;
    const request = message.request || {};
    if (message.direction === 'inbound' && (request.image || request.document)) {
      li.appendChild(media(request));
    }
    if (message.type === 'interactive' && request.header && request.header.text) {
      const header = document.createElement('div');
      header.className = 'header';
      header.innerHTML = formatted(request.header.text);
      li.appendChild(header);
    }
    const body = document.createElement('div');
    body.className = 'body';
    body.innerHTML = formatted(message.body);
    li.appendChild(body);
    if (message.type === 'interactive') {
      if (request.footer && request.footer.text) {
        const footer = document.createElement('div');
        footer.className = 'footer';
        footer.textContent = request.footer.text;
        li.appendChild(footer);
      }
      li.appendChild(choices(message));
    }
    const stamp = document.createElement('time');
    stamp.textContent = time(message.timestamp);
    li.appendChild(stamp);
    return li;
  }

  function render(list) {
    const signature = list.map((m) => m.id).join(',');
    if (signature === shown) {
      return;
    }
    shown = signature;
    messages.replaceChildren(...list.map(item));
    messages.scrollTop = messages.scrollHeight;
  }

  async function poll() {
    const current = chat();
    if (!current) {
      render([]);
      return;
    }
    try {
      const response = await fetch('/sandbox/conversation?chat=' + encodeURIComponent(current));
      if (response.ok && current === chat()) {
        render(await response.json());
      }
    } catch (e) {
      status.textContent = 'El sandbox no responde.';
    }
  }

  async function send(text) {
    const from = chat();
    if (!text.trim() || !from) {
      return;
    }
    await post({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from, text, name: profileName() }),
    });
  }

  async function reply(quotedId, type, choice) {
    const from = chat();
    if (!from) {
      return;
    }
    await post({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        from, name: profileName(), quotedId, type,
        id: choice.id, title: choice.title, description: choice.description || null,
      }),
    }, '/sandbox/inbox/reply');
  }

  // The browser sets the multipart boundary itself, so no Content-Type header here.
  async function sendFile(file, caption) {
    const from = chat();
    if (!file || !from) {
      return;
    }
    const form = new FormData();
    form.append('from', from);
    form.append('name', profileName() || '');
    form.append('caption', caption);
    form.append('file', file, file.name);
    await post({ method: 'POST', body: form });
  }

  async function post(request, path = '/sandbox/inbox') {
    status.textContent = '';
    const response = await fetch(path, request);
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      const detail = answer.ingress ? (answer.ingress.error || 'HTTP ' + answer.ingress.status)
        : (answer.error ? answer.error.message : 'HTTP ' + response.status);
      status.textContent = 'El mensaje no llegó al bot: ' + detail;
    }
    poll();
  }

  el('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = el('text');
    const text = input.value;
    input.value = '';
    send(text);
  });

  el('attach').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = el('file');
    const caption = el('caption');
    const file = input.files[0];
    const text = caption.value;
    input.value = '';
    caption.value = '';
    sendFile(file, text);
  });

  member.addEventListener('change', () => {
    el('other').hidden = member.value !== 'other';
    shown = null;
    poll();
  });

  el('clear').addEventListener('click', async () => {
    const current = chat();
    if (current) {
      await fetch('/sandbox/outbox?chat=' + encodeURIComponent(current), { method: 'DELETE' });
    }
    status.textContent = '';
    poll();
  });

  setInterval(poll, POLL_MS);
  poll();
})();
