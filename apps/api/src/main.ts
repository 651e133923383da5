import { Logger } from '@nestjs/common';
import { createApp } from './app/create-app';
import { ConfigError, loadConfig } from './config/config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Olievlek cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port, process.env['HOST'] ?? '0.0.0.0');
  const where = config.database.type === 'sqlite' ? config.database.path : 'PostgreSQL';
  Logger.log(`Olievlek listening on http://localhost:${config.port} (database: ${where})`, 'Main');
}

main().catch((error: Error) => {
  console.error(`Olievlek could not start: ${error.message}`);
  process.exit(1);
});
