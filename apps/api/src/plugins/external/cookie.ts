import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';

// No signing secret: the session cookie holds a random token whose hash the server looks up, so a
// forged value simply matches no session.
export default fp(
  async (app) => {
    await app.register(cookie);
  },
  { name: 'cookie' },
);
