// The summary's Print button. A script file, not an inline handler: the Content-Security-Policy
// allows scripts from this site only. The button stays hidden where scripts do not run.
(function () {
	var button = document.getElementById('print-summary');
	if (button) {
		button.hidden = false;
		button.addEventListener('click', function () {
			window.print();
		});
	}
})();
