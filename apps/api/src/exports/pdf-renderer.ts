import { HttpStatus, Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { chromium, type Browser } from 'playwright-core';
import { ApiException } from '../common/api-exception';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * Prints an HTML page to PDF in headless Chromium (CHROMIUM_PATH), the same engine the e2e tests
 * use. playwright-core was already in the workspace at the tests' version, drives Debian's
 * Chromium without downloading a browser, and prints with the page's own `@page` size and
 * `break-after` page breaks — so the PDF is the printable report, not a second layout.
 *
 * One browser is started on first use and kept; each PDF gets a fresh context with JavaScript
 * off and every request refused, so the page can only show what the HTML itself carries.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger(PdfRenderer.name);
  private browser: Promise<Browser> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async pdf(html: string): Promise<Buffer> {
    let browser: Browser;
    try {
      browser = await this.launch();
    } catch (error) {
      this.browser = null;
      this.logger.error(`Chromium did not start (${this.config.chromiumPath}): ${String(error)}`);
      throw new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'REPORT_PDF_UNAVAILABLE',
        'The PDF cannot be made right now; open the printable report and print it to PDF instead.',
      );
    }
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
      });
    } finally {
      await context.close();
    }
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({
      executablePath: this.config.chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    return this.browser;
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}
