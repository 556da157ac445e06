import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** This folder, wherever the build is started from (`npm run build:web` runs at the project root). */
const here = (relative: string) => decodeURIComponent(new URL(relative, import.meta.url).pathname);

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    // React and Leaflet together pass Vite's default warning size; splitting buys nothing here.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } },
  },
});
