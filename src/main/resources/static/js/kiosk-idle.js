/*
 * Backsafe kiosk: clears the screen between patients.
 *
 * After the idle time without a touch, a dialog warns for the warning time (at least 20 seconds)
 * and one tap on "I need more time" carries on (WCAG 2.2.1). If nobody taps, the page posts the
 * reset form: the server ends the session and the kiosk returns to its start. The server keeps its
 * own idle limit, so this script is a courtesy, not the only guard. Settings come from data-*
 * attributes on <body>; there is no inline script, as the Content-Security-Policy forbids it.
 */
(function () {
	'use strict';

	var body = document.body;
	var startUrl = body.getAttribute('data-start-url') || '/kiosk';

	// A page brought back from the back-forward cache may hold an earlier patient's answers.
	window.addEventListener('pageshow', function (event) {
		if (event.persisted) {
			window.location.replace(startUrl);
		}
	});

	var idleMs = Number(body.getAttribute('data-idle-seconds')) * 1000;
	var warningMs = Number(body.getAttribute('data-warning-seconds')) * 1000;
	var stillHereUrl = body.getAttribute('data-still-here-url');
	var dialog = document.getElementById('kiosk-idle');
	var resetForm = document.getElementById('kiosk-reset');
	var more = document.getElementById('kiosk-idle-more');
	var seconds = document.getElementById('kiosk-idle-seconds');
	if (!idleMs || !warningMs || !dialog || !resetForm || !more) {
		return;
	}

	var idleTimer = null;
	var tickTimer = null;
	var deadline = 0;
	var lastPing = Date.now();
	var resetting = false;

	function stopTimers() {
		window.clearTimeout(idleTimer);
		window.clearInterval(tickTimer);
	}

	function isWarning() {
		return dialog.hasAttribute('open');
	}

	function clearScreen() {
		if (resetting) {
			return;
		}
		resetting = true;
		stopTimers();
		resetForm.submit();
	}

	// Tells the server the patient is still here, so its own idle limit starts again too.
	function ping() {
		lastPing = Date.now();
		var token = resetForm.querySelector('input[name="_csrf"]');
		var data = new URLSearchParams();
		if (token) {
			data.append('_csrf', token.value);
		}
		window.fetch(stillHereUrl, { method: 'POST', body: data, credentials: 'same-origin', redirect: 'follow' })
			.then(function (response) {
				if (response.redirected) {
					// the server had already ended this visit
					window.location.replace(startUrl);
				}
			})
			.catch(function () {
				// the server's limit still applies; nothing to do here
			});
	}

	function tick() {
		var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
		if (seconds) {
			seconds.textContent = String(left);
		}
		if (left <= 0) {
			clearScreen();
		}
	}

	// The warning is a bar at the bottom; what must stay in sight (the reference code) is scrolled
	// above it, so the patient can still read the code out while deciding.
	function keepInSight() {
		var keep = document.querySelector('[data-keep-visible]');
		if (!keep) {
			return;
		}
		var gap = 16;
		var barTop = dialog.getBoundingClientRect().top;
		var box = keep.getBoundingClientRect();
		if (box.bottom + gap > barTop) {
			window.scrollBy(0, Math.min(box.bottom + gap - barTop, box.top - gap));
		}
	}

	function warn() {
		deadline = Date.now() + warningMs;
		body.classList.add('kiosk--warning');
		if (typeof dialog.showModal === 'function') {
			dialog.showModal();
		}
		else {
			dialog.setAttribute('open', '');
		}
		more.focus({ preventScroll: true });
		keepInSight();
		tick();
		tickTimer = window.setInterval(tick, 250);
	}

	function startIdle() {
		stopTimers();
		idleTimer = window.setTimeout(warn, idleMs);
	}

	function stillHere() {
		body.classList.remove('kiosk--warning');
		if (typeof dialog.close === 'function') {
			dialog.close();
		}
		else {
			dialog.removeAttribute('open');
		}
		startIdle();
		ping();
	}

	function activity() {
		if (isWarning() || resetting) {
			return; // only a tap on a button in the dialog answers the warning
		}
		startIdle();
		if (Date.now() - lastPing > idleMs / 2) {
			ping();
		}
	}

	more.addEventListener('click', stillHere);
	window.addEventListener('resize', function () {
		if (isWarning()) {
			keepInSight();
		}
	});
	// Escape closes a modal dialog: treat it as "I need more time", never as a silent dismissal
	dialog.addEventListener('cancel', function (event) {
		event.preventDefault();
		stillHere();
	});
	['pointerdown', 'keydown', 'input', 'change', 'scroll', 'touchstart'].forEach(function (type) {
		window.addEventListener(type, activity, { passive: true, capture: true });
	});
	startIdle();
})();
