/*
 * Backsafe kiosk: the number pad for the age. A kiosk often has no keyboard, and a list of 121 ages
 * is slow to scroll: each key types a digit into the field (at most its maxlength), "Delete"
 * removes the last one, "Clear" all. The field stays an ordinary input, and the server checks the
 * number. Enter in the field goes on to the next screen (not "No to all of these", which comes
 * first in the form). No inline script: the Content-Security-Policy forbids it.
 */
(function () {
	'use strict';

	Array.prototype.forEach.call(document.querySelectorAll('.kiosk-keypad[data-for]'), function (pad) {
		var field = document.getElementById(pad.getAttribute('data-for'));
		if (!field) {
			return;
		}
		var max = Number(field.getAttribute('maxlength')) || 3;
		pad.hidden = false;
		pad.addEventListener('click', function (event) {
			var key = event.target.closest('button');
			if (!key || !pad.contains(key)) {
				return;
			}
			var digit = key.getAttribute('data-digit');
			var value = field.value.replace(/[^0-9]/g, '');
			if (digit !== null) {
				if (value.length < max) {
					value += digit;
				}
			}
			else if (key.getAttribute('data-key') === 'back') {
				value = value.slice(0, -1);
			}
			else if (key.getAttribute('data-key') === 'clear') {
				value = '';
			}
			field.value = value;
			field.dispatchEvent(new Event('input', { bubbles: true }));
		});
		field.addEventListener('keydown', function (event) {
			var next = field.form && field.form.querySelector('button[name="go"][value="next"]');
			if (event.key === 'Enter' && next) {
				event.preventDefault();
				next.click();
			}
		});
	});
})();
