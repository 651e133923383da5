const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// The API is bundled (so the libs' path aliases resolve) but every npm package stays
// external: the built main.js runs from the workspace and uses its node_modules,
// which keeps native drivers (better-sqlite3, argon2, pg) working.
module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
  },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      externalDependencies: 'all',
      sourceMap: true,
    }),
  ],
};
