// Passkeys (account.passkey, docs/security.md): adding one on /newsroom/passkeys, and signing in with one on the
// sign-in page (alone) or the second-step page (after the password). The server makes the options and checks the
// answers; this file only carries them between it and navigator.credentials, as base64url JSON.
(function () {
  'use strict';

  if (!window.PublicKeyCredential || !navigator.credentials) {
    return; // no WebAuthn here: the buttons stay hidden, passwords and codes work as ever
  }

  function decode(text) {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const raw = atob(base64 + '==='.slice((base64.length + 3) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0)).buffer;
  }

  function encode(buffer) {
    let raw = '';
    new Uint8Array(buffer).forEach((b) => { raw += String.fromCharCode(b); });
    return btoa(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function token(scope) {
    const field = (scope || document).querySelector('input[name=_csrf]')
      || document.querySelector('input[name=_csrf]');
    return field ? field.value : '';
  }

  async function post(url, fields) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams(fields)
    });
    let json = {};
    try {
      json = await response.json();
    } catch (ignored) {
      json = { error: 'The newsroom did not answer. Please try again.' };
    }
    return { ok: response.ok, json: json };
  }

  function descriptors(list) {
    return (list || []).map((d) => ({ type: d.type, id: decode(d.id) }));
  }

  // The message region becomes an alert only when it has something to say, so the page holds no empty alert.
  function show(element, message) {
    element.textContent = message;
    element.setAttribute('role', 'alert');
    element.hidden = false;
  }

  // Only the members WebAuthn defines, so the server reads exactly what the authenticator signed.
  function attestationJson(credential) {
    const response = credential.response;
    return JSON.stringify({
      id: credential.id,
      rawId: encode(credential.rawId),
      type: credential.type,
      response: {
        clientDataJSON: encode(response.clientDataJSON),
        attestationObject: encode(response.attestationObject),
        transports: response.getTransports ? response.getTransports() : []
      },
      clientExtensionResults: {}
    });
  }

  function assertionJson(credential) {
    const response = credential.response;
    return JSON.stringify({
      id: credential.id,
      rawId: encode(credential.rawId),
      type: credential.type,
      response: {
        clientDataJSON: encode(response.clientDataJSON),
        authenticatorData: encode(response.authenticatorData),
        signature: encode(response.signature),
        userHandle: response.userHandle ? encode(response.userHandle) : null
      },
      clientExtensionResults: {}
    });
  }

  const CANCELLED = 'No passkey was used (cancelled, or the time ran out). Please try again.';

  // Adding a passkey: the name first (checked by the server before the authenticator is asked), then the
  // authenticator, then the server checks and stores it and the page shows the list with it.
  const add = document.getElementById('add-passkey');
  if (add) {
    const name = document.getElementById('passkey-name');
    const problem = document.getElementById('passkey-error');
    add.addEventListener('submit', async (event) => {
      event.preventDefault();
      problem.hidden = true;
      name.removeAttribute('aria-invalid');
      const options = await post('/newsroom/passkeys/options', { name: name.value, _csrf: token(add) });
      if (!options.ok) {
        show(problem, (options.json.problems && options.json.problems.name) || options.json.error);
        name.setAttribute('aria-invalid', 'true');
        name.setAttribute('aria-describedby', 'passkey-name-help passkey-error');
        name.focus();
        return;
      }
      const o = options.json;
      let credential;
      try {
        credential = await navigator.credentials.create({
          publicKey: {
            rp: o.rp,
            user: { id: decode(o.user.id), name: o.user.name, displayName: o.user.displayName },
            challenge: decode(o.challenge),
            pubKeyCredParams: o.pubKeyCredParams,
            timeout: o.timeout,
            excludeCredentials: descriptors(o.excludeCredentials),
            authenticatorSelection: o.authenticatorSelection,
            attestation: o.attestation
          }
        });
      } catch (failure) {
        show(problem, failure && failure.name === 'InvalidStateError'
          ? 'This device already holds one of your passkeys.' : CANCELLED);
        return;
      }
      const stored = await post('/newsroom/passkeys', {
        name: name.value, credential: attestationJson(credential), _csrf: token(add)
      });
      if (!stored.ok) {
        show(problem, (stored.json.problems && stored.json.problems.name) || stored.json.error);
        return;
      }
      window.location.assign(stored.json.location);
    });
  }

  // Signing in: the button on the sign-in page (data-passkey-step="") or on the second-step page ("second").
  document.querySelectorAll('[data-passkey-step]').forEach((button) => {
    const step = button.getAttribute('data-passkey-step');
    const problem = document.getElementById('passkey-problem');
    button.hidden = false;
    button.addEventListener('click', async () => {
      problem.hidden = true;
      button.disabled = true;
      try {
        const options = await post('/newsroom/login/passkey/options', { step: step, _csrf: token() });
        if (!options.ok) {
          show(problem, options.json.error);
          return;
        }
        const o = options.json;
        let credential;
        try {
          credential = await navigator.credentials.get({
            publicKey: {
              challenge: decode(o.challenge),
              rpId: o.rpId,
              timeout: o.timeout,
              userVerification: o.userVerification,
              allowCredentials: descriptors(o.allowCredentials)
            }
          });
        } catch (failure) {
          show(problem, CANCELLED);
          return;
        }
        const result = await post('/newsroom/login/passkey', {
          step: step, credential: assertionJson(credential), _csrf: token()
        });
        if (result.ok) {
          window.location.assign(result.json.location);
        } else {
          show(problem, result.json.error);
        }
      } finally {
        button.disabled = false;
      }
    });
  });
}());
