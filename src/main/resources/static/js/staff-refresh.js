/*
 * Backsafe staff: today's list keeps itself up to date. Every few seconds it asks the server for a
 * few numbers that change whenever the list does (how many screenings, the newest, how many are
 * reviewed); only when they differ from those the page was drawn with does it reload, so a new
 * urgent screening shows without anyone touching the screen. Nothing reloads while someone is typing
 * a code. A 401 or a redirect means the session has ended: the reload then shows the login.
 * Settings come from data-* attributes; no inline script (the Content-Security-Policy forbids it).
 */
(function () {
	'use strict';

	var list = document.querySelector('[data-changes-url]');
	if (!list || !window.fetch) {
		return;
	}
	var url = list.getAttribute('data-changes-url');
	var shown = list.getAttribute('data-marker');
	var every = Math.max(1, Number(list.getAttribute('data-refresh-seconds')) || 15) * 1000;

	function marker(json) {
		return json.count + '-' + json.latestId + '-' + json.reviewed;
	}

	function typing() {
		var active = document.activeElement;
		return active && active.tagName === 'INPUT' && active.value !== '';
	}

	function reload() {
		// the list's own reload: the server does not count it as someone using the page
		window.location.replace(list.getAttribute('data-list-url'));
	}

	function poll() {
		window.fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
			.then(function (response) {
				if (response.status === 401 || response.redirected) {
					reload();
					return null;
				}
				return response.ok ? response.json() : null;
			})
			.then(function (json) {
				if (json && marker(json) !== shown && !typing()) {
					reload();
					return;
				}
				window.setTimeout(poll, every);
			})
			.catch(function () {
				window.setTimeout(poll, every);
			});
	}

	window.setTimeout(poll, every);
})();
