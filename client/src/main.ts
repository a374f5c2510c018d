import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';

import { cable, cableConnection } from './apollo/cable';
import { createApolloClient } from './apollo/client';
import { createRealtimeState, realtimeStateKey } from './apollo/realtime-state';
import App from './App.vue';
import { realtimeEnabled } from './bootstrap';
import { router } from './router';
import './styles.css';

const realtime = createRealtimeState(cableConnection(cable), window, {
  enabled: realtimeEnabled(),
});
const apolloClient = createApolloClient({ cable, callbacks: realtime.callbacks });

createApp(App)
  .provide(DefaultApolloClient, apolloClient)
  .provide(realtimeStateKey, realtime)
  .use(router)
  .mount('#app');
