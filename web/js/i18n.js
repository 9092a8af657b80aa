// UI text in Bahasa Indonesia (default) and English. Numbers are always formatted the Indonesian
// way (1.234 and 12,5%), whichever language the text is in.

const ID = {
  title: 'Cakupan BPJS Ketenagakerjaan',
  mode: 'Tampilan',
  mode_choropleth: 'Peta tematik',
  mode_hotspot: 'Titik panas (Gi*)',
  hotspotTitle: 'Titik panas: {metric}',
  hotspotMethod: 'Getis-Ord Gi*; {n} kelurahan diuji',
  hotspotNote_uncovered: 'Merah = kelompok kelurahan dengan banyak pekerja belum terlindungi; biru = kelompok dengan sedikit. Tetangga: batas bersinggungan (queen); p disesuaikan FDR (Benjamini–Hochberg).',
  hotspotNote_coverage_rate: 'Merah = kelompok kelurahan dengan cakupan tinggi; biru = kelompok dengan cakupan rendah. Tetangga: batas bersinggungan (queen); p disesuaikan FDR (Benjamini–Hochberg).',
  hotspotClass: 'Kelas',
  hotspotPAdjusted: 'p (FDR)',
  place: 'Kota Administrasi Jakarta Utara',
  skip: 'Lewati ke tabel peringkat',
  controlsToggle: 'Pilihan peta',
  controlsLabel: 'Pilihan peta',
  copyLink: 'Salin tautan',
  linkCopied: 'Tautan disalin',
  langToggle: 'English',
  langToggleTitle: 'Switch to English',
  level: 'Tingkat',
  level_kelurahan: 'Kelurahan',
  level_kecamatan: 'Kecamatan',
  level_kota: 'Kota/Kabupaten',
  level_provinsi: 'Provinsi',
  viewMain: 'Daratan',
  viewMainTitle: 'Tampilkan seluruh daratan',
  viewPartTitle: 'Tampilkan {name}',
  viewsLabel: 'Bagian wilayah',
  sector: 'Sektor',
  sector_ALL: 'Semua sektor',
  sector_PU: 'Penerima Upah (PU)',
  sector_BPU: 'Bukan Penerima Upah (BPU)',
  sector_JAKON: 'Jasa Konstruksi (Jakon)',
  sectorShort_ALL: 'Semua',
  metric: 'Ukuran',
  metric_coverage_rate: 'Tingkat cakupan',
  metric_uncovered: 'Pekerja belum terlindungi',
  metric_participants: 'Peserta aktif',
  metric_workforce: 'Tenaga kerja',
  metric_change: 'Perubahan peserta',
  metric_density: 'Kepadatan peserta',
  short_coverage_rate: 'Cakupan',
  short_uncovered: 'Belum terlindungi',
  short_participants: 'Peserta',
  short_workforce: 'Tenaga kerja',
  short_change: 'Perubahan',
  short_density: 'Peserta/km²',
  unit_coverage_rate: '% dari tenaga kerja',
  unit_uncovered: 'pekerja',
  unit_participants: 'peserta',
  unit_workforce: 'pekerja',
  unit_change: 'peserta dibanding bulan sebelumnya',
  unit_density: 'peserta per km²',
  method: 'Klasifikasi',
  method_quantile: 'Kuantil',
  method_equal_interval: 'Interval sama',
  method_jenks: 'Jenks (natural breaks)',
  method_manual: 'Manual (batas tetap)',
  classes: 'Kelas',
  breaks: 'Batas kelas',
  breaksHint: 'Batas dalam, urut naik: 0.5,0.6 atau 0,5; 0,6. Tingkat cakupan ditulis sebagai pecahan (0.55 = 55%).',
  breaksInvalid: 'Batas kelas tidak sah: tulis 1–8 angka naik, mis. 0.5,0.6 atau 0,5; 0,6.',
  kecamatan: 'Kecamatan',
  allKecamatan: 'Semua kecamatan',
  month: 'Bulan',
  play: 'Putar',
  pause: 'Jeda',
  playLabel: 'Putar animasi bulanan',
  pauseLabel: 'Jeda animasi bulanan',
  fixedNote: 'Batas kelas tetap: warna sebanding antarbulan.',
  ranking: 'Peringkat',
  sort: 'Urutkan',
  sort_uncovered: 'Belum terlindungi terbanyak',
  sort_coverage_rate: 'Cakupan terendah',
  tableCaption: '{level} menurut {sort} — {sector}, {period}',
  colRank: 'No.',
  checkDataGroup: 'Periksa data (data belum lengkap)',
  partialMembers: '{n} dari {m} kelurahan berdata lengkap',
  partialValue: '{metric} (kelurahan berdata)',
  partialLegend: 'Sebagian data',
  partialMetric: '{metric} untuk {period} hanya diketahui sebagian: wilayah berarsir memuat kelurahan tanpa data lengkap (arahkan kursor untuk angka kelurahan yang berdata).',
  colName: 'Wilayah',
  exports: 'Ekspor',
  exportCsv: 'CSV',
  exportCsvTitle: 'Unduh tabel sebagai CSV',
  exportGeojson: 'GeoJSON',
  exportGeojsonTitle: 'Unduh lapisan peta sebagai GeoJSON',
  exportPng: 'PNG',
  exportPngTitle: 'Unduh gambar peta dengan legenda',
  print: 'Cetak',
  printTitle: 'Cetak peta, legenda dan tabel',
  noData: 'Tidak ada data',
  unit: 'Satuan',
  classesN: '{n} kelas',
  schematic: 'Batas wilayah skematis',
  schematicNote: 'bukan batas resmi',
  synthetic: 'Data sintetis',
  syntheticNote: 'untuk demonstrasi',
  close: 'Tutup',
  closePanel: 'Tutup rincian',
  area: 'Luas',
  code: 'Kode',
  kecPrefix: 'Kec.',
  kelurahanCount: '{n} kelurahan',
  figuresFor: 'Angka {period}',
  seriesTitle: '{metric}, {n} bulan',
  chartNote: 'Tiap sektor memakai skala sumbu-y sendiri.',
  chartSummary: '{sector}: {metric} dari {first} ({firstPeriod}) sampai {last} ({lastPeriod})',
  loadingDetail: 'Memuat rincian…',
  detailFailed: 'Rincian tidak dapat dimuat: {detail}',
  mapLabel: 'Peta {metric} per {level}',
  loading: 'Memuat…',
  unreachable: 'Layanan cakupan tidak dapat dihubungi. Periksa koneksi, lalu coba lagi.',
  retry: 'Coba lagi',
  noPeriods: 'Belum ada data cakupan yang diimpor.',
  noDataMonth: 'Tidak ada data cakupan untuk {period}.',
  monthsRange: 'Bulan yang ada datanya: {first} sampai {last}.',
  showNewest: 'Tampilkan bulan terbaru',
  noDataMetric: '{metric} tidak tersedia untuk {period}; semua wilayah ditampilkan sebagai “tidak ada data”.',
  requestFailed: 'Permintaan ke layanan gagal: {detail}',
  emptyLayer: 'Tidak ada wilayah untuk pilihan ini.',
  basemapFailed: 'Peta dasar tidak dapat dimuat; peta tetap berfungsi tanpa peta dasar.',
  noBreaks: 'Animasi tidak dapat memakai batas kelas tetap: bulan ini tidak punya batas kelas.',
  pngFailed: 'Gambar peta tidak dapat dibuat.',
  pngNational: 'Peta nasional digambar dari petak (tile) vektor: gambar PNG dan cetak peta belum tersedia di sini. Unduh data lewat CSV atau GeoJSON.',
  hotspotNational: 'Mode titik panas (Gi*) tidak tersedia untuk peta nasional: analisis seluruh kelurahan Indonesia terlalu berat untuk halaman ini. Mode ini tersedia untuk wilayah kota (mis. Jakarta Utara, DKI Jakarta).',
  nationalInView: 'Tabel memuat {level} yang terlihat di peta; legenda berlaku untuk seluruh {level}. Geser atau perbesar peta untuk wilayah lain.',
  made: 'Dibuat {date} dengan cakupan',
  classesMerged: '(diminta {n}; nilai kembar digabung)',
  divergingNote: 'Skala dua arah: jingga = berkurang, ungu = bertambah, terang = sekitar 0.',
  legendCount: '{n} {level}',
  errKecamatan: 'Kecamatan {code} tidak dikenal.',
  errPeriod: 'Tidak ada data cakupan untuk {period}.',
  errParameter: 'Pilihan {parameter} tidak sah.',
  errBadRequest: 'Permintaan tidak sah.',
  errNotFound: 'Data yang diminta tidak ditemukan.',
  errStore: 'Basis data sedang tidak dapat dihubungi. Coba lagi nanti.',
  errServer: 'Layanan mengalami gangguan (HTTP {status}). Coba lagi nanti.',
  errHttp: 'Permintaan ditolak oleh layanan (HTTP {status}).',
  errDetails: 'Rincian teknis',
  csv_rank: 'No.',
  csv_code: 'Kode',
  csv_name: 'Nama',
  csv_level: 'Tingkat',
  csv_kecamatan: 'Kecamatan',
  csv_kecamatan_code: 'Kode kecamatan',
  csv_sector: 'Sektor',
  csv_period: 'Periode',
  csv_participants: 'Peserta aktif',
  csv_workforce: 'Tenaga kerja',
  csv_coverage_rate: 'Cakupan (%)',
  csv_uncovered: 'Belum terlindungi',
  csv_change: 'Perubahan',
  csv_density: 'Kepadatan (peserta/km²)',
  csv_class: 'Kelas',
  csv_fill: 'Warna',
  // The camat's worklist page (worklist.html).
  errUnauthorized: 'Token tidak dikenal atau sudah dicabut. Masuk lagi dengan token yang benar.',
  errForbidden: 'Token ini tidak berhak mengubah data ini: camat hanya dapat mengubah target kelurahan di kecamatannya sendiri.',
  errRejected: 'Isian ditolak oleh layanan; periksa angka dan bulan.',
  wlTitle: 'Daftar kerja kelurahan',
  wlHeading: 'Daftar kerja — Kecamatan {name}',
  wlChooseKecamatan: 'Pilih kecamatan untuk melihat daftar kerjanya.',
  wlToMap: 'Peta',
  wlToMapTitle: 'Kembali ke peta cakupan',
  wlWorklistLink: 'Daftar kerja',
  wlWorklistLinkTitle: 'Daftar kerja camat untuk kecamatan ini',
  wlSort_uncovered: 'Belum terlindungi terbanyak',
  wlSort_coverage_rate: 'Cakupan terendah',
  wlSort_gap: 'Kekurangan terhadap target terbesar',
  wlMonthOf: 'Keadaan akhir {period}',
  wlSource: 'Sumber: {source}',
  wlSourceSynthetic: 'data peserta SINTETIS (contoh untuk demonstrasi, bukan data BPJS Ketenagakerjaan)',
  wlSourceImported: 'data peserta BPJS Ketenagakerjaan yang diimpor ke cakupan',
  wlSourceSchematic: 'batas wilayah skematis (bukan batas resmi)',
  wlSourceBoundaries: 'batas wilayah {file}',
  wlPrinted: 'Dicetak {date}',
  wlCaption: 'Kelurahan diurutkan untuk ditindaklanjuti: {sort} — {sector}, {period}',
  wlColName: 'Kelurahan',
  wlColParticipants: 'Peserta',
  wlColWorkforce: 'Tenaga kerja',
  wlColUncovered: 'Belum terlindungi',
  wlColChange3: 'Δ 3 bln',
  wlColChange3Title: 'Perubahan peserta dalam 3 bulan terakhir',
  wlColChange12: 'Δ 12 bln',
  wlColChange12Title: 'Perubahan peserta dalam 12 bulan terakhir',
  wlColTarget: 'Target',
  wlColTargetPeriod: 'Bulan target',
  wlColGap: 'Kekurangan',
  wlColGapTitle: 'Peserta yang masih kurang untuk mencapai target',
  wlColPaceNeeded: 'Perlu/bln',
  wlColPaceNeededTitle: 'Tambahan peserta per bulan yang diperlukan untuk mencapai target tepat waktu',
  wlColStatus: 'Status',
  wlColHotspot: 'Hot spot',
  wlColHotspotTitle: 'Di dalam klaster cakupan rendah yang bermakna (Getis-Ord Gi*)',
  wlColAssignee: 'Penanggung jawab',
  wlColNote: 'Catatan',
  wlStatus_tercapai: 'Tercapai',
  'wlStatus_sesuai jalur': 'Sesuai jalur',
  wlStatus_tertinggal: 'Tertinggal',
  wlNoTarget: 'Belum ada target',
  wlHot: 'Ya',
  wlNotHot: '–',
  wlUnknown: '?',
  wlByPeriod: 'pada {period}',
  wlProgressLabel: '{percent} dari target',
  wlCheckTitle: 'Periksa data',
  wlCheckNote: 'Data belum lengkap: tenaga kerja tidak diketahui atau tidak ada data bulan ini. Kelurahan ini bukan prioritas rendah; lengkapi datanya.',
  wlCheckEmpty: 'Semua kelurahan berdata lengkap.',
  wlIncomplete: 'data belum lengkap',
  wlEmpty: 'Tidak ada kelurahan berdata lengkap untuk pilihan ini.',
  wlLogin: 'Masuk',
  wlLoginTitle: 'Masukkan token untuk mengubah target, penanggung jawab dan catatan',
  wlLogout: 'Keluar',
  wlLoggedIn: 'Mode ubah aktif (token disimpan hanya untuk sesi peramban ini)',
  wlLoggedInAs: 'Masuk sebagai {name}',
  wlDialogTitle: 'Masuk dengan token',
  wlDialogText: 'Tempel token yang diberikan admin cakupan (mis. untuk Camat). Token hanya disimpan selama jendela peramban ini terbuka.',
  wlTokenLabel: 'Token',
  wlCancel: 'Batal',
  wlSave: 'Simpan',
  wlSaveTitle: 'Simpan target, bulan target, penanggung jawab dan catatan {name}',
  wlSaving: 'Menyimpan…',
  wlSaved: 'Tersimpan: {name}',
  wlNeedTarget: 'Isi target (bilangan bulat ≥ 1) dan bulan target untuk {name}.',
  wlSaveFailed: 'Gagal menyimpan {name}: {message}',
  wlExportCsvTitle: 'Unduh daftar sebagai CSV',
  wlExportXlsx: 'xlsx',
  wlExportXlsxTitle: 'Unduh daftar sebagai lembar kerja Excel (.xlsx)',
  wlPrintTitle: 'Cetak daftar kerja (satu halaman A4)',
  wlMapLabel: 'Peta kecil Kecamatan {name}: kelurahan bernomor sesuai urutan daftar',
  wlLegendMap: 'Warna: pekerja belum terlindungi ({sector}); garis merah tebal = hot spot; ? = periksa data.',
};

const EN = {
  mode: 'View',
  mode_choropleth: 'Thematic map',
  mode_hotspot: 'Hot spots (Gi*)',
  hotspotTitle: 'Hot spots: {metric}',
  hotspotMethod: 'Getis-Ord Gi*; {n} kelurahan tested',
  hotspotNote_uncovered: 'Red = a cluster of kelurahan with many uncovered workers; blue = a cluster with few. Neighbours: touching borders (queen); p adjusted for FDR (Benjamini–Hochberg).',
  hotspotNote_coverage_rate: 'Red = a cluster of kelurahan with high coverage; blue = a cluster with low coverage. Neighbours: touching borders (queen); p adjusted for FDR (Benjamini–Hochberg).',
  hotspotClass: 'Class',
  hotspotPAdjusted: 'p (FDR)',
  title: 'BPJS Ketenagakerjaan coverage',
  place: 'Kota Administrasi Jakarta Utara',
  skip: 'Skip to the ranking table',
  controlsToggle: 'Map options',
  controlsLabel: 'Map options',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  langToggle: 'Bahasa Indonesia',
  langToggleTitle: 'Ganti ke Bahasa Indonesia',
  level: 'Level',
  level_kelurahan: 'Kelurahan (urban village)',
  level_kecamatan: 'Kecamatan (district)',
  level_kota: 'Kota/Kabupaten (city/regency)',
  level_provinsi: 'Provinsi (province)',
  viewMain: 'Mainland',
  viewMainTitle: 'Show the whole mainland',
  viewPartTitle: 'Show {name}',
  viewsLabel: 'Parts of the area',
  sector: 'Sector',
  sector_ALL: 'All sectors',
  sector_PU: 'Wage earners (PU)',
  sector_BPU: 'Self-employed / informal (BPU)',
  sector_JAKON: 'Construction workers (Jakon)',
  sectorShort_ALL: 'All',
  metric: 'Measure',
  metric_coverage_rate: 'Coverage rate',
  metric_uncovered: 'Uncovered workers',
  metric_participants: 'Active participants',
  metric_workforce: 'Workforce',
  metric_change: 'Change in participants',
  metric_density: 'Participant density',
  short_coverage_rate: 'Coverage',
  short_uncovered: 'Uncovered',
  short_participants: 'Participants',
  short_workforce: 'Workforce',
  short_change: 'Change',
  short_density: 'Per km²',
  unit_coverage_rate: '% of the workforce',
  unit_uncovered: 'workers',
  unit_participants: 'participants',
  unit_workforce: 'workers',
  unit_change: 'participants against the previous month',
  unit_density: 'participants per km²',
  method: 'Classification',
  method_quantile: 'Quantile',
  method_equal_interval: 'Equal interval',
  method_jenks: 'Jenks (natural breaks)',
  method_manual: 'Manual (fixed breaks)',
  classes: 'Classes',
  breaks: 'Class breaks',
  breaksHint: 'Inner breaks, ascending: 0.5,0.6 (or 0,5; 0,6). Coverage rates are fractions (0.55 = 55%).',
  breaksInvalid: 'Invalid class breaks: write 1–8 ascending numbers, e.g. 0.5,0.6 or 0,5; 0,6.',
  kecamatan: 'Kecamatan',
  allKecamatan: 'All kecamatan',
  month: 'Month',
  play: 'Play',
  pause: 'Pause',
  playLabel: 'Play the monthly animation',
  pauseLabel: 'Pause the monthly animation',
  fixedNote: 'Fixed class breaks: colours are comparable across months.',
  ranking: 'Ranking',
  sort: 'Sort',
  sort_uncovered: 'Most uncovered first',
  sort_coverage_rate: 'Lowest coverage first',
  tableCaption: '{level} by {sort} — {sector}, {period}',
  colRank: 'No.',
  checkDataGroup: 'Check the data (incomplete)',
  partialMembers: '{n} of {m} kelurahan with complete data',
  partialValue: '{metric} (kelurahan with data)',
  partialLegend: 'Partial data',
  partialMetric: '{metric} for {period} is only partly known: hatched areas contain kelurahan without complete data (hover for the figures of those with data).',
  colName: 'Area',
  exports: 'Export',
  exportCsv: 'CSV',
  exportCsvTitle: 'Download the table as CSV',
  exportGeojson: 'GeoJSON',
  exportGeojsonTitle: 'Download the map layer as GeoJSON',
  exportPng: 'PNG',
  exportPngTitle: 'Download a picture of the map with its legend',
  print: 'Print',
  printTitle: 'Print the map, legend and table',
  noData: 'No data',
  unit: 'Unit',
  classesN: '{n} classes',
  schematic: 'Schematic boundaries',
  schematicNote: 'not the official borders',
  synthetic: 'Synthetic data',
  syntheticNote: 'for demonstration',
  close: 'Close',
  closePanel: 'Close details',
  area: 'Area',
  code: 'Code',
  kecPrefix: 'Kec.',
  kelurahanCount: '{n} kelurahan',
  figuresFor: 'Figures for {period}',
  seriesTitle: '{metric}, {n} months',
  chartNote: 'Each sector has its own y-axis scale.',
  chartSummary: '{sector}: {metric} from {first} ({firstPeriod}) to {last} ({lastPeriod})',
  loadingDetail: 'Loading details…',
  detailFailed: 'The details could not be loaded: {detail}',
  mapLabel: 'Map of {metric} by {level}',
  loading: 'Loading…',
  unreachable: 'The cakupan service cannot be reached. Check the connection and try again.',
  retry: 'Try again',
  noPeriods: 'No coverage data has been imported yet.',
  noDataMonth: 'There is no coverage data for {period}.',
  monthsRange: 'Months with data: {first} to {last}.',
  showNewest: 'Show the newest month',
  noDataMetric: '{metric} is not available for {period}; every area is shown as “no data”.',
  requestFailed: 'The request to the service failed: {detail}',
  emptyLayer: 'No areas match this choice.',
  basemapFailed: 'The basemap could not be loaded; the map works without it.',
  noBreaks: 'The animation cannot fix the class breaks: this month has none.',
  pngFailed: 'The map picture could not be made.',
  pngNational: 'The national map is drawn from vector tiles: PNG and printing of the map are not available here. Download the figures as CSV or GeoJSON.',
  hotspotNational: 'Hot-spot mode (Gi*) is not available on the national map: analysing every kelurahan of Indonesia is too heavy for this page. It is available for a city region (e.g. Jakarta Utara, DKI Jakarta).',
  nationalInView: 'The table lists the {level} in view; the legend covers every {level}. Pan or zoom the map for other areas.',
  made: 'Made {date} with cakupan',
  classesMerged: '(asked for {n}; tied values merged)',
  divergingNote: 'Two-way scale: orange = fewer, purple = more, light = around 0.',
  legendCount: '{n} {level}',
  errKecamatan: 'Unknown kecamatan {code}.',
  errPeriod: 'There is no coverage data for {period}.',
  errParameter: 'Invalid choice of {parameter}.',
  errBadRequest: 'Invalid request.',
  errNotFound: 'The requested data was not found.',
  errStore: 'The database cannot be reached right now. Try again later.',
  errServer: 'The service has a problem (HTTP {status}). Try again later.',
  errHttp: 'The service refused the request (HTTP {status}).',
  errDetails: 'Technical details',
  csv_rank: 'Rank',
  csv_code: 'Code',
  csv_name: 'Name',
  csv_level: 'Level',
  csv_kecamatan: 'Kecamatan',
  csv_kecamatan_code: 'Kecamatan code',
  csv_sector: 'Sector',
  csv_period: 'Period',
  csv_participants: 'Active participants',
  csv_workforce: 'Workforce',
  csv_coverage_rate: 'Coverage (%)',
  csv_uncovered: 'Uncovered',
  csv_change: 'Change',
  csv_density: 'Density (participants/km²)',
  csv_class: 'Class',
  csv_fill: 'Colour',
  errUnauthorized: 'Unknown or revoked token. Sign in again with the right token.',
  errForbidden: 'This token may not change this: a camat can only change targets of kelurahan in their own kecamatan.',
  errRejected: 'The service rejected the entry; check the number and the month.',
  wlTitle: 'Kelurahan worklist',
  wlHeading: 'Worklist — Kecamatan {name}',
  wlChooseKecamatan: 'Choose a kecamatan to see its worklist.',
  wlToMap: 'Map',
  wlToMapTitle: 'Back to the coverage map',
  wlWorklistLink: 'Worklist',
  wlWorklistLinkTitle: 'The camat\'s worklist for this kecamatan',
  wlSort_uncovered: 'Most uncovered first',
  wlSort_coverage_rate: 'Lowest coverage first',
  wlSort_gap: 'Largest gap to target first',
  wlMonthOf: 'Situation at the end of {period}',
  wlSource: 'Source: {source}',
  wlSourceSynthetic: 'SYNTHETIC participant data (demonstration, not BPJS Ketenagakerjaan data)',
  wlSourceImported: 'BPJS Ketenagakerjaan participant data imported into cakupan',
  wlSourceSchematic: 'schematic boundaries (not the official borders)',
  wlSourceBoundaries: 'boundaries {file}',
  wlPrinted: 'Printed {date}',
  wlCaption: 'Kelurahan ordered for action: {sort} — {sector}, {period}',
  wlColName: 'Kelurahan',
  wlColParticipants: 'Participants',
  wlColWorkforce: 'Workforce',
  wlColUncovered: 'Uncovered',
  wlColChange3: 'Δ 3 mo',
  wlColChange3Title: 'Change in participants over the last 3 months',
  wlColChange12: 'Δ 12 mo',
  wlColChange12Title: 'Change in participants over the last 12 months',
  wlColTarget: 'Target',
  wlColTargetPeriod: 'Target month',
  wlColGap: 'Gap',
  wlColGapTitle: 'Participants still missing to reach the target',
  wlColPaceNeeded: 'Needed/mo',
  wlColPaceNeededTitle: 'New participants needed per month to reach the target in time',
  wlColStatus: 'Status',
  wlColHotspot: 'Hot spot',
  wlColHotspotTitle: 'Inside a significant low-coverage cluster (Getis-Ord Gi*)',
  wlColAssignee: 'Assignee',
  wlColNote: 'Note',
  wlStatus_tercapai: 'Reached',
  'wlStatus_sesuai jalur': 'On track',
  wlStatus_tertinggal: 'Behind',
  wlNoTarget: 'No target yet',
  wlHot: 'Yes',
  wlByPeriod: 'by {period}',
  wlProgressLabel: '{percent} of the target',
  wlCheckTitle: 'Check the data',
  wlCheckNote: 'Incomplete data: unknown workforce or no record for this month. These kelurahan are not low priority; complete their data.',
  wlCheckEmpty: 'Every kelurahan has complete data.',
  wlIncomplete: 'incomplete data',
  wlEmpty: 'No kelurahan with complete data for this choice.',
  wlLogin: 'Sign in',
  wlLoginTitle: 'Enter a token to change targets, assignees and notes',
  wlLogout: 'Sign out',
  wlLoggedIn: 'Editing on (the token is kept for this browser session only)',
  wlLoggedInAs: 'Signed in as {name}',
  wlDialogTitle: 'Sign in with a token',
  wlDialogText: 'Paste the token the cakupan admin gave you (e.g. for a camat). It is kept only while this browser window is open.',
  wlTokenLabel: 'Token',
  wlCancel: 'Cancel',
  wlSave: 'Save',
  wlSaveTitle: 'Save target, target month, assignee and note of {name}',
  wlSaving: 'Saving…',
  wlSaved: 'Saved: {name}',
  wlNeedTarget: 'Enter a target (whole number ≥ 1) and a target month for {name}.',
  wlSaveFailed: 'Could not save {name}: {message}',
  wlExportCsvTitle: 'Download the list as CSV',
  wlExportXlsx: 'xlsx',
  wlExportXlsxTitle: 'Download the list as an Excel workbook (.xlsx)',
  wlPrintTitle: 'Print the worklist (one A4 page)',
  wlMapLabel: 'Small map of Kecamatan {name}: kelurahan numbered as in the list',
  wlLegendMap: 'Colour: uncovered workers ({sector}); thick red outline = hot spot; ? = check the data.',
};

const TABLES = { id: ID, en: EN };
let current = 'id';

/** A capability's own texts (e.g. js/outreach-text.js), kept beside its code; existing keys win. */
export function addTexts(id, en) {
  for (const [table, more] of [[ID, id], [EN, en]]) {
    for (const [k, v] of Object.entries(more)) if (table[k] === undefined) table[k] = v;
  }
}

export function setLang(lang) {
  current = TABLES[lang] ? lang : 'id';
  document.documentElement.lang = current;
}

export function lang() {
  return current;
}

/** The text for key in the current language, with {name} placeholders filled from vars. */
export function t(key, vars) {
  let s = TABLES[current][key];
  if (s === undefined) s = ID[key] !== undefined ? ID[key] : key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, name) => (vars[name] !== undefined ? vars[name] : m));
  return s;
}

export function metricShort(metric) {
  return t('short_' + metric);
}

export function sectorName(sector) {
  return t('sector_' + sector);
}

export function sectorShort(sector) {
  return sector === 'ALL' ? t('sectorShort_ALL') : sector;
}

export function metricName(metric) {
  return t('metric_' + metric);
}

// Formatters are built on first use and kept: building one costs a few milliseconds on a slow
// phone, and the page's first paint needs none of them.
const formatters = new Map();
function formatter(key, make) {
  let f = formatters.get(key);
  if (!f) { f = make(); formatters.set(key, f); }
  return f;
}
const number = (key, options) => formatter(key, () => new Intl.NumberFormat('id-ID', options));
const fmtInt = { format: (v) => number('int', { maximumFractionDigits: 0 }).format(v) };
const fmtSigned = { format: (v) => number('signed', { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(v) };
const fmtPct = { format: (v) => number('pct', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v) };
const fmtDec = { format: (v) => number('dec', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v) };
const fmtCompact = { format: (v) => number('compact', { notation: 'compact', maximumFractionDigits: 1 }).format(v) };

/** A metric value as people read it: 1.234, 12,5%, +56, 4.321,5; "tidak ada data" for null. */
export function formatValue(metric, v) {
  if (v === null || v === undefined || Number.isNaN(v)) return t('noData');
  switch (metric) {
    case 'coverage_rate': return fmtPct.format(v);
    case 'change': return fmtSigned.format(v);
    case 'density': return fmtDec.format(v);
    default: return fmtInt.format(v);
  }
}

/** A short form for chart axes: 12,5%, 4,3 rb. */
export function formatAxis(metric, v) {
  if (metric === 'coverage_rate') return fmtPct.format(v);
  if (Math.abs(v) >= 10000) return fmtCompact.format(v);
  return metric === 'density' && Math.abs(v) < 100 ? fmtDec.format(v) : fmtInt.format(v);
}

const fmtArea = { format: (v) => number('area', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v) };

export function formatArea(km2) {
  return fmtArea.format(km2) + ' km²';
}

function monthDate(period) {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
}

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * "Oktober 2026" / "October 2026": Intl's long month and year, spelt from a table because the
 * first Intl.DateTimeFormat of a page costs a tenth of a second on a slow phone, and the page
 * names its month before anything else is drawn.
 */
export function formatPeriod(period) {
  if (!period) return '';
  const [y, m] = period.split('-').map(Number);
  return MONTHS[current === 'en' ? 'en' : 'id'][m - 1] + ' ' + y;
}

/** "Okt 2026" / "Oct 2026". */
export function formatPeriodShort(period) {
  if (!period) return '';
  const locale = current === 'en' ? 'en-GB' : 'id-ID';
  return formatter('monthShort|' + locale, () => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }))
    .format(monthDate(period));
}

export function formatDate(d) {
  const locale = current === 'en' ? 'en-GB' : 'id-ID';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
