/*
 * pick.js: the picker's suggestions as one types (issue 12).  Progressive
 * enhancement only: every form with a picker works without it (the
 * server resolves the typed name, pages/find.c).  The CSP allows this
 * file and nothing inline.
 *
 * div.pick[data-pick="/api/pick/<kind>"] holds a hidden input (the id)
 * and a text input (the typed name).  Typing asks the endpoint for the
 * first page of matches; "更多" appends the next page while the answer's
 * total says there are more, so no list stops at a fixed number of rows.
 * Choosing (click, touch, Enter) fills the id and the text; typing again
 * clears the id.  A picker of several (data-multi: a clue's subjects)
 * adds a ticked box named as the field to its list (ul.pick-chosen)
 * instead, and empties the text for the next name.  Arrow keys move, Escape closes; the list is a listbox
 * owned by the text input (combobox), announced to screen readers.
 */
(function () {
	'use strict';

	var seq = 0;

	function hiddenOf(box, name) {
		var h = box.querySelector('input[type="hidden"]');
		if (!h) {       /* the no-script choices are listed instead: add one */
			h = document.createElement('input');
			h.type = 'hidden';
			h.name = name;
			box.insertBefore(h, box.firstChild);
		}
		return h;
	}

	function setup(box) {
		var text = box.querySelector('input[type="text"]');
		var url = box.getAttribute('data-pick');
		var name = text.id.replace(/^f-/, '');
		var list = document.createElement('ul');
		var multi = box.hasAttribute('data-multi');
		var timer = 0, active = -1, query = '', page = 0, total = 0, loaded = 0, mine = 0;

		list.className = 'pick-list';
		list.id = 'pl-' + name;
		list.setAttribute('role', 'listbox');
		list.hidden = true;
		text.parentNode.insertBefore(list, text.nextSibling);
		text.setAttribute('role', 'combobox');
		text.setAttribute('aria-autocomplete', 'list');
		text.setAttribute('aria-controls', list.id);
		text.setAttribute('aria-expanded', 'false');

		function options() {
			return list.querySelectorAll('li[role="option"], li.pick-more');
		}

		function close() {
			list.hidden = true;
			text.setAttribute('aria-expanded', 'false');
			text.removeAttribute('aria-activedescendant');
			active = -1;
		}

		function mark(i) {
			var o = options();
			for (var k = 0; k < o.length; k++)
				o[k].classList.toggle('active', k === i);
			active = i;
			if (i >= 0 && o[i]) {
				text.setAttribute('aria-activedescendant', o[i].id);
				o[i].scrollIntoView({ block: 'nearest' });
			}
		}

		function add_chosen(li) {
			var ul = box.querySelector('ul.pick-chosen');
			var id = li.getAttribute('data-id');
			var item, label, cb;
			if (ul.querySelector('input[value="' + id + '"]')) {
				ul.querySelector('input[value="' + id + '"]').checked = true;
			} else {
				item = document.createElement('li');
				label = document.createElement('label');
				label.className = 'check';
				cb = document.createElement('input');
				cb.type = 'checkbox';
				cb.name = name;
				cb.value = id;
				cb.checked = true;
				label.appendChild(cb);
				label.appendChild(document.createTextNode(' ' + li.getAttribute('data-label')));
				item.appendChild(label);
				ul.appendChild(item);
			}
			text.value = '';
			close();
		}

		function choose(li) {
			var radios = box.querySelectorAll('input[type="radio"]');
			if (multi) {
				add_chosen(li);
				return;
			}
			hiddenOf(box, name).value = li.getAttribute('data-id');
			text.value = li.getAttribute('data-label');
			for (var k = 0; k < radios.length; k++)
				radios[k].checked = false;
			close();
		}

		function add(items) {
			var more = list.querySelector('li.pick-more');
			if (more)
				list.removeChild(more);
			items.forEach(function (it) {
				var li = document.createElement('li');
				li.setAttribute('role', 'option');
				li.id = list.id + '-' + it.id;
				li.setAttribute('data-id', it.id);
				li.setAttribute('data-label', it.label);
				li.textContent = it.label;
				list.appendChild(li);
			});
			loaded += items.length;
			if (loaded < total) {
				more = document.createElement('li');
				more.className = 'pick-more';
				more.id = list.id + '-more';
				more.textContent = '更多（共 ' + total + ' 项，已列 ' + loaded + ' 项）';
				list.appendChild(more);
			}
			if (!loaded) {
				var none = document.createElement('li');
				none.className = 'pick-none';
				none.textContent = '没有找到';
				list.appendChild(none);
			}
			list.hidden = false;
			text.setAttribute('aria-expanded', 'true');
		}

		function load(next) {
			var my = ++seq;
			mine = my;
			var u = url + '?q=' + encodeURIComponent(query) + '&page=' + next;
			fetch(u, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
				.then(function (res) { return res.ok ? res.json() : null; })
				.then(function (j) {
					if (!j || my !== mine)
						return;     /* a newer query is under way */
					if (next === 1) {
						list.textContent = '';
						loaded = 0;
						active = -1;
					}
					page = next;
					total = j.total;
					add(j.items || []);
				})
				.catch(function () { /* the form still works: the server resolves the text */ });
		}

		text.addEventListener('input', function () {
			if (!multi)
				hiddenOf(box, name).value = '';
			window.clearTimeout(timer);
			query = text.value.trim();
			if (!query) {
				close();
				return;
			}
			timer = window.setTimeout(function () { load(1); }, 200);
		});

		text.addEventListener('keydown', function (ev) {
			var o = options();
			if (list.hidden || !o.length)
				return;
			if (ev.key === 'ArrowDown') {
				mark(Math.min(active + 1, o.length - 1));
				ev.preventDefault();
			} else if (ev.key === 'ArrowUp') {
				mark(Math.max(active - 1, 0));
				ev.preventDefault();
			} else if (ev.key === 'Enter' && active >= 0) {
				ev.preventDefault();
				if (o[active].classList.contains('pick-more'))
					load(page + 1);
				else
					choose(o[active]);
			} else if (ev.key === 'Escape') {
				close();
			}
		});

		/* mousedown, not click: it comes before the text input's blur */
		list.addEventListener('mousedown', function (ev) {
			var li = ev.target.closest('li');
			ev.preventDefault();
			if (!li)
				return;
			if (li.classList.contains('pick-more'))
				load(page + 1);
			else if (li.getAttribute('role') === 'option')
				choose(li);
		});

		text.addEventListener('blur', function () {
			window.setTimeout(close, 150);
		});
	}

	function init() {
		var boxes = document.querySelectorAll('div.pick[data-pick]');
		for (var i = 0; i < boxes.length; i++)
			if (boxes[i].querySelector('input[type="text"]'))
				setup(boxes[i]);
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', init);
	else
		init();
})();
