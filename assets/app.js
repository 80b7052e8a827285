/*
 * app.js: progressive enhancement only.  Every page works without it
 * (UI.md); the CSP allows this file and nothing inline.
 *
 *  - form[data-confirm]: ask window.confirm(text) before the form is sent.
 *  - form.filters: a changed <select> sends the filter form at once.
 *  - table.list: wrapped in div.table-wrap (when the page has not done so)
 *    so that a wide table scrolls sideways on a phone, not the page; a
 *    wrapper whose table is wider than it gets class "scrolls" (and
 *    "at-end" once scrolled to the end), which style.css shows as the
 *    "左右滑动查看" hint and a shadow at the edge that hides more.
 *  - input[type=file][data-max-bytes]: a chosen file larger than that, more
 *    files than data-max-files, or files together past data-max-total (the
 *    body limit, serve --max-upload) are said at once (the browser shows it
 *    by the field and keeps the form from going): the server checks again.
 *  - printing opens every folded section (details.fold) and folds back
 *    afterwards (style.css unfolds them too where the browser can).
 */
(function () {
	'use strict';

	var root = document.documentElement;
	root.className += (root.className ? ' ' : '') + 'js';

	function setButtons(form, off) {
		var b = form.querySelectorAll('button[type="submit"], button:not([type])');
		for (var i = 0; i < b.length; i++)
			b[i].disabled = off;
	}

	/* Confirmation before a consequential action. */
	document.addEventListener('submit', function (ev) {
		var form = ev.target;
		var text;

		if (!form || form.nodeName !== 'FORM')
			return;
		text = form.getAttribute('data-confirm');
		if (text && !window.confirm(text)) {
			ev.preventDefault();
			return;
		}
		/* against double submission: disable the submit buttons once sent
		   (after the event, so the pressed button's value still goes), and
		   enable them again after a while in case the answer was a download
		   (the attributes, not form.method / form.target: a control named
		   "method" or "target" shadows those properties) */
		if (!ev.defaultPrevented && (form.getAttribute('method') || '').toLowerCase() === 'post' &&
		    !form.getAttribute('target')) {
			window.setTimeout(function () { setButtons(form, true); }, 0);
			window.setTimeout(function () { setButtons(form, false); }, 8000);
		}
	});

	/* Files past the field's limits, said before they are uploaded. */
	document.addEventListener('change', function (ev) {
		var el = ev.target, max, most, total, sum = 0, msg = '', i;

		if (!el || el.nodeName !== 'INPUT' || el.type !== 'file' || !el.hasAttribute('data-max-bytes'))
			return;
		max = parseInt(el.getAttribute('data-max-bytes'), 10);
		most = parseInt(el.getAttribute('data-max-files') || '0', 10);
		if (most && el.files.length > most)
			msg = '最多选择 ' + most + ' 个文件。';
		total = parseInt(el.getAttribute('data-max-total') || '0', 10);
		for (i = 0; !msg && i < el.files.length; i++) {
			sum += el.files[i].size;
			if (el.files[i].size > max)
				msg = '文件“' + el.files[i].name + '”超过 ' + (max / 1048576).toFixed(1) + ' MB 的限制。';
		}
		if (!msg && total && sum > total)
			msg = '所选文件合计 ' + (sum / 1048576).toFixed(1) + ' MB，超过合计 ' +
			      (total / 1048576).toFixed(0) + ' MB 的限制。';
		el.setCustomValidity(msg);
		if (msg)
			el.reportValidity();
	});

	/* A page shown again from the back/forward cache must be usable. */
	window.addEventListener('pageshow', function (ev) {
		if (!ev.persisted)
			return;
		var b = document.querySelectorAll('form button[disabled]');
		for (var i = 0; i < b.length; i++)
			b[i].disabled = false;
	});

	/* Live filters: a changed select sends the filter form. */
	document.addEventListener('change', function (ev) {
		var el = ev.target;
		var form = el && el.form;

		if (!form || el.nodeName !== 'SELECT' || !/(^|\s)filters(\s|$)/.test(form.className))
			return;
		if (form.hasAttribute('data-no-auto'))
			return;
		/* a new filter starts again at the first page */
		if (form.elements.page)
			form.elements.page.value = '';
		if (typeof form.requestSubmit === 'function')
			form.requestSubmit();
		else
			form.submit();
	});

	function hasClass(el, c) {
		return (' ' + el.className + ' ').indexOf(' ' + c + ' ') >= 0;
	}

	function setClass(el, c, on) {
		if (on && !hasClass(el, c))
			el.className += ' ' + c;
		else if (!on && hasClass(el, c))
			el.className = (' ' + el.className + ' ').replace(' ' + c + ' ', ' ').trim();
	}

	/* The scroll cue of each table wrapper: whether it scrolls, and
	 * whether its end is in view. */
	function markScroll(wrap) {
		var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;

		setClass(wrap, 'scrolls', scrolls);
		setClass(wrap, 'at-end', scrolls && wrap.scrollLeft + wrap.clientWidth >= wrap.scrollWidth - 1);
	}

	function markAll() {
		var w = document.querySelectorAll('.table-wrap');

		for (var i = 0; i < w.length; i++)
			markScroll(w[i]);
	}

	document.addEventListener('scroll', function (ev) {
		var el = ev.target;

		if (el && el.nodeType === 1 && hasClass(el, 'table-wrap'))
			markScroll(el);
	}, true);
	window.addEventListener('resize', markAll);

	/* Print what is folded: open the closed sections, close them after. */
	var folded = [];
	window.addEventListener('beforeprint', function () {
		var d = document.querySelectorAll('details.fold:not([open])');

		folded = [];
		for (var i = 0; i < d.length; i++) {
			d[i].open = true;
			folded.push(d[i]);
		}
	});
	window.addEventListener('afterprint', function () {
		for (var i = 0; i < folded.length; i++)
			folded[i].open = false;
		folded = [];
	});

	function ready() {
		var tables = document.querySelectorAll('table.list');

		for (var i = 0; i < tables.length; i++) {
			var t = tables[i];
			var p = t.parentNode;
			var wrap;

			if (!p || (p.className && /(^|\s)table-wrap(\s|$)/.test(p.className)))
				continue;
			wrap = document.createElement('div');
			wrap.className = 'table-wrap';
			p.insertBefore(wrap, t);
			wrap.appendChild(t);
		}
		markAll();
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', ready);
	else
		ready();
}());
