// The floor app: a bare Vite + Vue + vue-router page. `npm run bench` builds it in the same
// run as Yorisoi, so Yorisoi's first-paint bytes are judged against what the stack itself costs.
import { createApp, h } from 'vue'
import { createRouter, createWebHistory, RouterView, RouterLink } from 'vue-router'

const Home = { render: () => h('main', [h('h1', 'Home'), h(RouterLink, { to: '/about' }, () => 'About')]) }
const About = { render: () => h('main', [h('h1', 'About')]) }

const router = createRouter({ history: createWebHistory(), routes: [{ path: '/', component: Home }, { path: '/about', component: About }] })
createApp({ render: () => h(RouterView) }).use(router).mount('#app')
