/*
 * Backsafe self-screening form: small helps on top of pages that work without this script.
 *
 * - A link to a question (error summary, Change link) moves focus to its legend (tabindex -1), so
 *   that the question and its error are read and seen together.
 * - "No to all of these" answers every question of its group No in the same tap, without a round
 *   trip, then moves focus on (without the script, the server does the same).
 * - Before the session ends, a dialog warns and "Keep going" keeps it alive (WCAG 2.2.1); when it
 *   has ended, the page goes to the time-out page. Times come from data- attributes on the dialog:
 *   the Content-Security-Policy forbids inline script.
 */
(function () {
	'use strict';

	function focusTarget(hash) {
		if (!hash || hash.length < 2) {
			return false;
		}
		var target = document.getElementById(decodeURIComponent(hash.substring(1)));
		if (!target) {
			return false;
		}
		target.focus();
		target.scrollIntoView({ block: 'start' });
		return true;
	}

	document.addEventListener('click', function (event) {
		var link = event.target.closest && event.target.closest('a[href^="#"]');
		if (link && !link.classList.contains('skip-link') && focusTarget(link.getAttribute('href'))) {
			event.preventDefault();
		}
	});
	focusTarget(window.location.hash);

	// No to all
	Array.prototype.forEach.call(document.querySelectorAll('[data-no-to-all]'), function (button) {
		button.addEventListener('click', function (event) {
			var group = document.getElementById(button.getAttribute('data-no-to-all'));
			if (!group) {
				return; // the server does it
			}
			event.preventDefault();
			Array.prototype.forEach.call(group.querySelectorAll('input[type=radio][value="NO"]'), function (radio) {
				radio.checked = true;
			});
			var done = document.getElementById('no-to-all-done');
			if (done) {
				done.textContent = button.getAttribute('data-done') || '';
			}
			var age = document.getElementById('age');
			var next = (age && age.value === '') ? age : document.getElementById('continue');
			if (next) {
				next.focus();
			}
		});
	});

	// Session time-out
	var dialog = document.getElementById('session-warning');
	if (!dialog) {
		return;
	}
	var sessionMs = Number(dialog.getAttribute('data-session-seconds')) * 1000;
	var warningMs = Number(dialog.getAttribute('data-warning-seconds')) * 1000;
	var stillHereUrl = dialog.getAttribute('data-still-here-url');
	var timedOutUrl = dialog.getAttribute('data-timed-out-url');
	var keepGoing = document.getElementById('session-keep-going');
	if (!sessionMs || !keepGoing) {
		return;
	}
	var warnTimer = null;
	var endTimer = null;

	function start() {
		window.clearTimeout(warnTimer);
		window.clearTimeout(endTimer);
		warnTimer = window.setTimeout(warn, Math.max(0, sessionMs - warningMs));
		// a moment early, so the page never sends answers to a session that has just gone
		endTimer = window.setTimeout(ended, Math.max(0, sessionMs - 1000));
	}

	function warn() {
		if (typeof dialog.showModal === 'function') {
			dialog.showModal();
		}
		else {
			dialog.setAttribute('open', '');
		}
		keepGoing.focus();
	}

	function ended() {
		window.location.assign(timedOutUrl);
	}

	function close() {
		if (typeof dialog.close === 'function') {
			dialog.close();
		}
		else {
			dialog.removeAttribute('open');
		}
	}

	function stillHere() {
		close();
		var token = document.querySelector('input[name="_csrf"]');
		var data = new URLSearchParams();
		if (token) {
			data.append('_csrf', token.value);
		}
		window.fetch(stillHereUrl, { method: 'POST', body: data, credentials: 'same-origin' })
			.then(function (response) {
				if (response.redirected || !response.ok) {
					ended(); // the session had already ended
				}
				else {
					start();
				}
			})
			.catch(start);
	}

	keepGoing.addEventListener('click', stillHere);
	// Escape on the dialog means "keep going", never a silent dismissal
	dialog.addEventListener('cancel', function (event) {
		event.preventDefault();
		stillHere();
	});
	start();
})();
