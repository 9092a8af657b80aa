// The kecamatan picker of the map, worklist and outreach pages. A city's few kecamatan stay one
// select. A national region has thousands: their names came with every kecamatan's figures (8 MB)
// into a select no phone can scroll. There the page picks a provinsi, then a kabupaten/kota, then
// one of its kecamatan, each list asked for on its own from /api/places (a few KB), or finds a
// kecamatan by name. The page's own <select id="kecamatan"> stays the one it reads and listens to.
import { getCached, getJson } from './api.js';
import { addTexts, escapeHtml, t } from './i18n.js';

addTexts({
  pickProvinsi: 'Provinsi',
  pickKota: 'Kabupaten/Kota',
  pickChooseProvinsi: '— pilih provinsi —',
  pickChooseKota: '— pilih kabupaten/kota —',
  pickSearch: 'Cari kecamatan',
  pickSearchHint: 'ketik nama kecamatan',
  pickMatches: 'Kecamatan yang cocok',
  pickNoMatch: 'Tidak ada kecamatan bernama “{q}”.',
  pickMore: '{n} lainnya: ketik lebih lengkap.',
}, {
  pickProvinsi: 'Province',
  pickKota: 'Regency/city',
  pickChooseProvinsi: '— choose a province —',
  pickChooseKota: '— choose a regency/city —',
  pickSearch: 'Find kecamatan',
  pickSearchHint: 'type a kecamatan name',
  pickMatches: 'Matching kecamatan',
  pickNoMatch: 'No kecamatan named “{q}”.',
  pickMore: '{n} more: type more of the name.',
});

/** Up to this many kecamatan (one provinsi) are one select; more are picked provinsi → kota → kecamatan. */
export const SINGLE_LIST_MAX = 300;
const MATCHES = 10;

function setOptions(select, items) {
  const html = items.map(([v, label]) => '<option value="' + escapeHtml(v) + '">' + escapeHtml(label) + '</option>').join('');
  if (select.innerHTML !== html) select.innerHTML = html;
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export class KecamatanPicker {
  /**
   * @param select the page's kecamatan select
   * @param blank () => the label of the empty choice ("Semua kecamatan", "—")
   * @param onArea (place) => called when the user chooses a provinsi or kota and no kecamatan (the map frames it)
   */
  constructor(select, { blank, onArea }) {
    this.select = select;
    this.blank = blank;
    this.onArea = onArea || null;
    this.cascade = false;
    this.value = null;
    this.list = []; // the kecamatan the select offers now
    this.known = new Map(); // every kecamatan seen: code → place (name, kota, bbox)
    this.provinsi = [];
    this.kota = [];
    this.provinsiCode = null;
    this.kotaCode = null;
    this.disabled = false;
    this.loadSeq = 0;
    this.searchSeq = 0;
  }

  /**
   * Asks the region's provinsi (with how many kecamatan each holds) and then either every
   * kecamatan (a city) or, for a national region, the lists leading to {@code code}.
   */
  async load(code) {
    this.value = code || null;
    const provinsi = await getCached('/api/places?level=provinsi');
    const total = provinsi.places.reduce((n, p) => n + (p.kecamatan_count || 0), 0);
    if (provinsi.places.length <= 1 && total <= SINGLE_LIST_MAX) {
      const all = await getCached('/api/places?level=kecamatan');
      this.useList(all.places, this.value);
      return;
    }
    this.cascade = true;
    this.provinsi = provinsi.places;
    this.build();
    await this.show(this.value);
  }

  /** One select of these kecamatan (a city's, e.g. from the outlines the map already has). */
  useList(places, code) {
    this.value = code === undefined ? this.value : code || null;
    this.list = [...places].sort(byCode);
    for (const p of this.list) this.known.set(p.code, p);
    this.render();
  }

  /**
   * The kota chosen, else the provinsi chosen when there are several, with its bbox; null without
   * (a city, or nothing chosen yet).
   */
  area() {
    if (!this.cascade) return null;
    const kota = this.kotaCode && this.kota.find((p) => p.code === this.kotaCode);
    if (kota) return kota;
    return (this.provinsi.length > 1 && this.provinsiCode && this.provinsi.find((p) => p.code === this.provinsiCode)) || null;
  }

  /** The kecamatan of this code, as far as a list has named it, or null. */
  place(code) {
    return (code && this.known.get(code)) || null;
  }

  name(code) {
    const p = this.place(code);
    return p ? p.name : null;
  }

  /** Shows this kecamatan as chosen (as the page's state has it): loads lists only when it lies elsewhere. */
  setValue(code) {
    if ((code || null) === this.value) {
      this.select.value = code || '';
      return;
    }
    this.show(code);
  }

  /** The place of a kecamatan, its kota's list asked for when no list has named it yet (null if none does). */
  async locate(code) {
    if (this.known.has(code)) return this.known.get(code);
    try {
      const r = await getCached('/api/places?level=kecamatan&parent=' + code.slice(0, 5));
      for (const p of r.places) this.known.set(p.code, p);
    } catch (e) {
      // a kecamatan of the URL outside the region: the map fits the region instead
    }
    return this.place(code);
  }

  /** Shows this kecamatan as chosen (null: none), loading its provinsi's and kota's lists when they are others. */
  async show(code) {
    this.value = code || null;
    if (!this.cascade) {
      this.render();
      return;
    }
    const seq = ++this.loadSeq;
    let provinsi = code ? code.slice(0, 2) : this.provinsiCode;
    if (!provinsi && this.provinsi.length === 1) provinsi = this.provinsi[0].code;
    const kota = code ? code.slice(0, 5) : this.kotaCode;
    // Lists of another provinsi or kota are not shown while theirs are on their way.
    if ((provinsi || null) !== this.provinsiCode) this.kota = [];
    this.provinsiCode = provinsi || null;
    const kotaCode = kota && provinsi && kota.startsWith(provinsi) ? kota : null;
    if (kotaCode !== this.kotaCode) this.list = [];
    this.kotaCode = kotaCode;
    this.render();
    try {
      const [kotaList, kecList] = await Promise.all([
        this.provinsiCode ? getCached('/api/places?level=kota&parent=' + this.provinsiCode) : null,
        this.kotaCode ? getCached('/api/places?level=kecamatan&parent=' + this.kotaCode) : null,
      ]);
      if (seq !== this.loadSeq) return;
      this.kota = kotaList ? kotaList.places : [];
      this.list = kecList ? kecList.places : [];
    } catch (e) {
      if (seq !== this.loadSeq) return;
      this.kota = []; // a code of the URL outside the region: the select still shows it, by its code
      this.list = [];
    }
    for (const p of this.list) this.known.set(p.code, p);
    this.render();
  }

  /** The texts again, in the page's language now. */
  relabel() {
    if (this.cascade) {
      this.steps.provinsiLabel.textContent = t('pickProvinsi');
      this.steps.kotaLabel.textContent = t('pickKota');
      this.steps.searchLabel.textContent = t('pickSearch');
      this.steps.search.placeholder = t('pickSearchHint');
      this.steps.matches.setAttribute('aria-label', t('pickMatches'));
    }
    this.render();
  }

  setDisabled(disabled) {
    this.disabled = disabled;
    this.applyDisabled();
  }

  applyDisabled() {
    this.select.disabled = this.disabled || (this.cascade && !this.kotaCode);
    if (!this.cascade) return;
    this.steps.provinsi.disabled = this.disabled;
    this.steps.kota.disabled = this.disabled || !this.provinsiCode;
    this.steps.search.disabled = this.disabled;
  }

  render() {
    const items = [['', this.blank()], ...this.list.map((p) => [p.code, p.name])];
    if (this.value && !this.list.some((p) => p.code === this.value)) items.push([this.value, this.name(this.value) || this.value]);
    setOptions(this.select, items);
    this.select.value = this.value || '';
    this.applyDisabled();
    if (!this.cascade) return;
    const s = this.steps;
    setOptions(s.provinsi, [['', t('pickChooseProvinsi')], ...this.provinsi.map((p) => [p.code, p.name])]);
    s.provinsi.value = this.provinsiCode || '';
    // One provinsi (a large one): nothing to choose at that step.
    s.provinsiField.hidden = this.provinsi.length <= 1;
    const kota = [['', t('pickChooseKota')], ...this.kota.map((p) => [p.code, p.name])];
    if (this.kotaCode && !this.kota.some((p) => p.code === this.kotaCode)) kota.push([this.kotaCode, this.kotaCode]);
    setOptions(s.kota, kota);
    s.kota.value = this.kotaCode || '';
  }

  /** The provinsi and kota selects and the search field, put before the kecamatan's own label. */
  build() {
    if (this.steps) return;
    const field = (cls) => {
      const label = document.createElement('label');
      label.className = 'place-step ' + cls;
      const span = document.createElement('span');
      label.append(span, ' ');
      return [label, span];
    };
    const [provinsiField, provinsiLabel] = field('place-provinsi');
    const provinsi = document.createElement('select');
    provinsi.id = 'provinsi';
    provinsi.name = 'provinsi';
    provinsiField.append(provinsi);
    const [kotaField, kotaLabel] = field('place-kota');
    const kota = document.createElement('select');
    kota.id = 'kota';
    kota.name = 'kota';
    kotaField.append(kota);
    const [searchField, searchLabel] = field('place-search');
    const search = document.createElement('input');
    search.type = 'search';
    search.id = 'kecamatan-search';
    search.autocomplete = 'off';
    search.spellcheck = false;
    search.size = 16;
    search.setAttribute('aria-controls', 'kecamatan-matches');
    searchField.append(search);
    const matches = document.createElement('ul');
    matches.id = 'kecamatan-matches';
    matches.className = 'place-matches';
    matches.hidden = true;
    searchField.append(matches);
    const anchor = this.select.closest('label') || this.select;
    anchor.before(searchField, provinsiField, kotaField);
    this.steps = { provinsiField, provinsiLabel, provinsi, kotaField, kotaLabel, kota, searchField, searchLabel, search, matches };
    provinsi.addEventListener('change', () => {
      this.provinsiCode = provinsi.value || null;
      this.kotaCode = null;
      this.kota = [];
      this.list = [];
      this.pick(null).then(() => this.announceArea());
    });
    kota.addEventListener('change', () => {
      this.kotaCode = kota.value || null;
      this.list = [];
      this.pick(null).then(() => this.announceArea());
    });
    let timer = null;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.search(search.value), 250);
    });
    search.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.closeMatches();
      if (e.key === 'ArrowDown' && !matches.hidden && matches.querySelector('button')) {
        e.preventDefault();
        matches.querySelector('button').focus();
      }
    });
    matches.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.closeMatches();
        search.focus();
      }
    });
    // A tap elsewhere closes the matches (not on blur: Safari does not focus a tapped button).
    document.addEventListener('click', (e) => {
      if (!matches.hidden && !searchField.contains(e.target)) this.closeMatches();
    });
    matches.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-code]');
      if (!b) return;
      search.value = '';
      this.closeMatches();
      this.pick(b.dataset.code);
    });
    this.relabel();
  }

  /** The user chose (a kecamatan, or none by choosing another provinsi or kota): the page hears it as a change of its select. */
  async pick(code) {
    const before = this.value;
    if (code) await this.show(code);
    else {
      this.value = null;
      await this.show(null);
    }
    if ((before || null) !== (this.value || null)) this.select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  announceArea() {
    const area = this.area();
    if (this.onArea && area && !this.value) this.onArea(area);
  }

  async search(text) {
    const q = text.trim();
    const list = this.steps.matches;
    if (q.replace(/[^\p{L}\p{N}]/gu, '').length < 2) {
      this.closeMatches();
      return;
    }
    const seq = ++this.searchSeq;
    let answer;
    try {
      answer = await getJson('/api/places?level=kecamatan&limit=' + MATCHES + '&q=' + encodeURIComponent(q));
    } catch (e) {
      return; // the selects still work
    }
    if (seq !== this.searchSeq) return;
    list.replaceChildren();
    for (const p of answer.places) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.code = p.code;
      b.textContent = p.name;
      const where = document.createElement('span');
      where.className = 'place-where';
      where.textContent = [p.kota_name, p.provinsi_name].filter(Boolean).join(', ');
      b.append(' ', where);
      li.append(b);
      list.append(li);
    }
    const note = answer.places.length === 0 ? t('pickNoMatch', { q })
      : answer.truncated ? t('pickMore', { n: answer.matched - answer.places.length }) : null;
    if (note) {
      const li = document.createElement('li');
      li.className = 'place-note';
      li.textContent = note;
      list.append(li);
    }
    list.hidden = false;
  }

  closeMatches() {
    this.searchSeq++;
    this.steps.matches.hidden = true;
    this.steps.matches.replaceChildren();
  }
}
