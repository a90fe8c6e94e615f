import { STARTUP_FAILURE_MS, SimProcess } from '../process';
import type { Connection } from '../netns';
import type { ProxyRequest, ProxyResponse } from '../types';

export const NGINX_PORT = 80;

/** nginx serving its default page on :80 (the seed article's app container is nginx:1.20). */
export class NginxProcess extends SimProcess {
  readonly model = 'nginx';

  protected onStart(): void {
    if (!this.ctx.netns.bind(NGINX_PORT, this, 'http1')) {
      this.after(STARTUP_FAILURE_MS, () =>
        this.exit(1, 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)'),
      );
      return;
    }
    this.state = 'serving';
  }

  override handle(_conn: Connection, req: ProxyRequest): ProxyResponse {
    const server = `nginx/${this.ctx.image.version || 'latest'}`;
    if (req.path === '/' || req.path === '/index.html') {
      return { status: 200, headers: { 'content-type': 'text/html', server }, body: WELCOME };
    }
    return {
      status: 404,
      headers: { 'content-type': 'text/html', server },
      body: `<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>${server}</center>\n</body>\n</html>\n`,
    };
  }
}

const WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;
