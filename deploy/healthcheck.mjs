// The container's HEALTHCHECK (deploy/Dockerfile): GET /healthz on this machine's hub, exit 0 on
// 200 {"status":"ok"}, 1 otherwise. No curl in a slim image, so Node itself asks. Over HTTPS when
// the hub has a certificate; the certificate is not checked: this is a liveness probe of the hub
// on loopback, and its name (the public one) never matches 127.0.0.1.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const port = Number(process.env.SITROOM_PORT || 7420);
const tls = Boolean(process.env.SITROOM_TLS_CERT);
const request = tls ? httpsRequest : httpRequest;
const req = request(
  { host: '127.0.0.1', port, path: '/healthz', timeout: 4000, rejectUnauthorized: false },
  (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      body += chunk;
    });
    res.on('end', () => {
      let status = '';
      try {
        status = JSON.parse(body).status;
      } catch {
        // not JSON: unhealthy
      }
      process.stdout.write(`healthz: ${res.statusCode} ${status}\n`);
      process.exit(res.statusCode === 200 && status === 'ok' ? 0 : 1);
    });
  },
);
req.on('timeout', () => req.destroy(new Error('no answer within 4 s')));
req.on('error', (error) => {
  process.stdout.write(`healthz: ${error.message}\n`);
  process.exit(1);
});
req.end();
