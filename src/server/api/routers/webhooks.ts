import { createTRPCRouter, permittedProcedure } from "../trpc";
import {
  createWebhook,
  deleteWebhook,
  enableWebhook,
  listDeliveries,
  listWebhooks,
  replayDelivery,
} from "../../webhooks/service";
import {
  createWebhookSchema,
  deliveryIdSchema,
  listDeliveriesSchema,
  webhookIdSchema,
} from "../../webhooks/schemas";

/** Wiring only: the webhooks service checks the permission again, validates and audits. */
export const webhooksRouter = createTRPCRouter({
  list: permittedProcedure("webhooks.manage").query(({ ctx }) => listWebhooks(ctx)),
  create: permittedProcedure("webhooks.manage")
    .input(createWebhookSchema)
    .mutation(({ ctx, input }) => createWebhook(ctx, input)),
  delete: permittedProcedure("webhooks.manage")
    .input(webhookIdSchema)
    .mutation(({ ctx, input }) => deleteWebhook(ctx, input)),
  enable: permittedProcedure("webhooks.manage")
    .input(webhookIdSchema)
    .mutation(({ ctx, input }) => enableWebhook(ctx, input)),
  deliveries: permittedProcedure("webhooks.manage")
    .input(listDeliveriesSchema)
    .query(({ ctx, input }) => listDeliveries(ctx, input)),
  replay: permittedProcedure("webhooks.manage")
    .input(deliveryIdSchema)
    .mutation(({ ctx, input }) => replayDelivery(ctx, input)),
});
