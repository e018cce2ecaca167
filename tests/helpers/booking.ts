import type { FastifyInstance } from 'fastify';

/** A resident's online booking without a hold, as the API takes it (passport for one person at the Stadskantoor). */
export function bookOnline(
  app: FastifyInstance,
  booking: { start: string; name: string; email: string; location?: string; service?: string },
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: {
      location: booking.location ?? 'stadskantoor',
      items: [{ service: booking.service ?? 'paspoort', persons: 1 }],
      start: booking.start,
      name: booking.name,
      email: booking.email,
    },
  });
}
