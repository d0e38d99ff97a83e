import type { Scenario } from "../types";
import { chat } from "./chat";
import { checkout } from "./checkout";
import { fileStorage } from "./file-storage";
import { newsFeed } from "./news-feed";
import { notificationService } from "./notification-service";
import { payments } from "./payments";
import { productCatalogue } from "./product-catalogue";
import { rateLimiterScenario } from "./rate-limiter";
import { rideSharing } from "./ride-sharing";
import { searchAutocomplete } from "./search-autocomplete";
import { urlShortener } from "./url-shortener";
import { videoStreaming } from "./video-streaming";

/** The scenario bank. Adding a scenario: lib/practice/scenarios/<id>.ts and a line here. */
export const SCENARIOS: readonly Scenario[] = [
  urlShortener,
  productCatalogue,
  newsFeed,
  chat,
  rateLimiterScenario,
  notificationService,
  fileStorage,
  searchAutocomplete,
  checkout,
  rideSharing,
  videoStreaming,
  payments,
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}
