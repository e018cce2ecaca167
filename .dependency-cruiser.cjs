// The one-way order of the features (../shared/DESIGN.md, "Architecture"), checked by `npm run lint`:
// platform and texts <- catalogue, claims <- availability <- booking <- notify, staff <- pages <- app.
const feature = (name) => `^src/${name}/`;
const below = {
  platform: ['catalogue', 'claims', 'availability', 'booking', 'notify', 'staff', 'pages', 'widget', 'app'],
  texts: ['platform', 'catalogue', 'claims', 'availability', 'booking', 'notify', 'staff', 'pages', 'widget', 'app'],
  catalogue: ['claims', 'availability', 'booking', 'notify', 'staff', 'pages', 'widget', 'app'],
  claims: ['catalogue', 'availability', 'booking', 'notify', 'staff', 'pages', 'widget', 'app'],
  availability: ['booking', 'notify', 'staff', 'pages', 'widget', 'app'],
  booking: ['notify', 'staff', 'pages', 'widget', 'app'],
  notify: ['staff', 'pages', 'widget', 'app'],
  staff: ['notify', 'pages', 'widget', 'app'],
  widget: ['notify', 'staff', 'pages', 'app'],
  pages: ['app'],
};

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'An import loop: something lives in the wrong place.', from: {}, to: { circular: true } },
    ...Object.entries(below).map(([name, above]) => ({
      name: `${name}-depends-one-way`,
      severity: 'error',
      comment: `${name} may not import from a feature above it.`,
      from: { path: feature(name) },
      to: { path: `^src/(${above.join('|')})/` },
    })),
    {
      name: 'db-below-features',
      severity: 'error',
      comment: 'db/ (schema, seed) knows the database helpers only.',
      from: { path: '^db/' },
      to: { path: '^src/', pathNot: '^src/platform/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
