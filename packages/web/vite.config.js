import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiServer = process.env.CHP_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': apiServer,
      '/fhir': apiServer,
    },
  },
  build: {
    // antd is one ~1.3 MB chunk (all components in use); split by vendor below, not further.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Vendor chunks change less often than the app, so browsers keep them cached across releases.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
});
